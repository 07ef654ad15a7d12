import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { contractAddressMisreported } from './contractAddressMisreported.ts';
import { otherAddress } from './wrongSenderReported.ts';

const request = { id: 1, method: 'eth_getTransactionReceipt', params: [`0x${'aa'.repeat(32)}`] };

describe('contractAddressMisreported', () => {
  it("names another address in a deployment's receipt", () => {
    const created = `0x${'12'.repeat(20)}`;
    const response = contractAddressMisreported(
      request,
      { id: 1, result: { contractAddress: created, status: '0x1' } },
      createProxyState(),
    );
    expect(response.result).toEqual({ contractAddress: otherAddress(created), status: '0x1' });
  });

  it('leaves receipts without a contract address alone', () => {
    const transfer = { id: 1, result: { contractAddress: null, status: '0x1' } };
    expect(contractAddressMisreported(request, transfer, createProxyState())).toBe(transfer);
  });
});
