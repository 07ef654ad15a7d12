import { describe, expect, it } from 'vitest';
import type { UpstreamClient } from '../UpstreamClient.ts';
import { feeMisreported } from './feeMisreported.ts';

const hash = `0x${'aa'.repeat(32)}`;
const request = { id: 1, method: 'eth_getTransactionReceipt', params: [hash] };
const receipt = { transactionHash: hash, gasUsed: '0x5208', effectiveGasPrice: '0x3b9aca07' };
const upstreamWith = (tx: unknown): UpstreamClient => ({
  forward: () => Promise.reject(new Error('not used')),
  call: async () => tx,
});

describe('feeMisreported', () => {
  it('reports the max fee as the effective gas price of a fee-market transaction', async () => {
    const response = await feeMisreported(
      request,
      { id: 1, result: receipt },
      upstreamWith({ hash, maxFeePerGas: '0x77359407' }),
    );
    expect(response.result).toEqual({ ...receipt, effectiveGasPrice: '0x77359407' });
  });

  it('leaves legacy transactions and missing receipts alone', async () => {
    const legacy = { id: 1, result: receipt };
    expect(await feeMisreported(request, legacy, upstreamWith({ hash, gasPrice: '0x1' }))).toBe(legacy);
    const none = { id: 1, result: null };
    expect(await feeMisreported(request, none, upstreamWith({ hash, maxFeePerGas: '0x2' }))).toBe(none);
  });
});
