import { describe, expect, it } from 'vitest';
import { filterUninstallIgnored } from './filterUninstallIgnored.ts';

describe('filterUninstallIgnored', () => {
  it('answers eth_uninstallFilter true itself', () => {
    expect(filterUninstallIgnored({ id: 7, method: 'eth_uninstallFilter', params: ['0x1'] })).toEqual({
      jsonrpc: '2.0',
      id: 7,
      result: true,
    });
  });

  it('forwards everything else', () => {
    expect(
      filterUninstallIgnored({ id: 7, method: 'eth_getFilterChanges', params: ['0x1'] }),
    ).toBeUndefined();
  });
});
