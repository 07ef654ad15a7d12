import { describe, expect, it } from 'vitest';
import type { UpstreamClient } from '../UpstreamClient.ts';
import { newFabricatedReceipts, nonceGapMined } from './nonceGapMined.ts';

const hash = `0x${'aa'.repeat(32)}`;
const from = `0x${'11'.repeat(20)}`;
const head = { number: '0x9', hash: `0x${'bb'.repeat(32)}`, gasLimit: '0x1c9c380' };
const pending = {
  hash,
  from,
  to: from,
  nonce: '0x1',
  gas: '0x5208',
  type: '0x2',
  blockNumber: null,
  maxFeePerGas: '0x10',
};

function upstream(tx: unknown, count: string): UpstreamClient {
  return {
    forward: () => Promise.reject(new Error('not used')),
    call: async (method) =>
      method === 'eth_getTransactionByHash' ? tx : method === 'eth_getTransactionCount' ? count : head,
  };
}
const request = { id: 1, method: 'eth_getTransactionReceipt', params: [hash] };

describe('nonceGapMined', () => {
  it("answers a successful receipt in the latest block for a pending transaction above its sender's count", async () => {
    const fabricated = newFabricatedReceipts();
    const response = await nonceGapMined(
      request,
      { id: 1, result: null },
      upstream(pending, '0x0'),
      fabricated,
    );
    expect(response.result).toMatchObject({
      transactionHash: hash,
      blockNumber: '0x9',
      blockHash: head.hash,
      status: '0x1',
      from,
      gasUsed: '0x5208',
      effectiveGasPrice: '0x10',
    });
    // Read again: the same receipt, even if the chain moved on.
    const again = await nonceGapMined(request, { id: 1, result: null }, upstream(null, '0x5'), fabricated);
    expect(again.result).toEqual(response.result);
  });

  it("keeps the chain's null for a transaction without a gap, and real receipts as they are", async () => {
    const none = { id: 1, result: null };
    expect(await nonceGapMined(request, none, upstream(pending, '0x1'), newFabricatedReceipts())).toBe(none);
    expect(await nonceGapMined(request, none, upstream(null, '0x0'), newFabricatedReceipts())).toBe(none);
    const real = { id: 1, result: { transactionHash: hash, status: '0x1' } };
    expect(await nonceGapMined(request, real, upstream(pending, '0x0'), newFabricatedReceipts())).toBe(real);
  });
});
