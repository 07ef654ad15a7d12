import { describe, expect, it } from 'vitest';
import { syncStatusUnavailable } from './syncStatusUnavailable.ts';

describe('syncStatusUnavailable', () => {
  it('refuses eth_syncing as an unknown method', () => {
    expect(syncStatusUnavailable({ id: 4, method: 'eth_syncing', params: [] })).toEqual({
      jsonrpc: '2.0',
      id: 4,
      error: { code: -32601, message: 'Method not found' },
    });
  });

  it('forwards everything else', () => {
    expect(syncStatusUnavailable({ id: 4, method: 'eth_blockNumber', params: [] })).toBeUndefined();
  });
});
