import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { emptyBloom, wrongLogsBloom } from './wrongLogsBloom.ts';

const bloom = `0x${'01'.repeat(256)}`;

describe('wrongLogsBloom', () => {
  it('zeroes the bloom of receipts with logs', () => {
    const receipt = { logs: [{ address: '0x01' }], logsBloom: bloom };
    const response = wrongLogsBloom(
      { id: 1, method: 'eth_getTransactionReceipt' },
      { id: 1, result: receipt },
      createProxyState(),
    );
    expect(response.result).toEqual({ ...receipt, logsBloom: emptyBloom });
  });

  it('leaves receipts without logs alone', () => {
    const response = { id: 1, result: { logs: [], logsBloom: emptyBloom } };
    expect(wrongLogsBloom({ id: 1, method: 'eth_getTransactionReceipt' }, response, createProxyState())).toBe(
      response,
    );
  });
});
