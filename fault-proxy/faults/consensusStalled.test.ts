import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { consensusStalled } from './consensusStalled.ts';

describe('consensusStalled', () => {
  it('acknowledges a raw transaction with its hash and does not forward it', () => {
    const raw = '0x02f86c8205398085';
    expect(
      consensusStalled({ jsonrpc: '2.0', id: 3, method: 'eth_sendRawTransaction', params: [raw] }),
    ).toEqual({
      jsonrpc: '2.0',
      id: 3,
      result: keccak256(raw),
    });
  });

  it('lets everything else through', () => {
    expect(
      consensusStalled({ jsonrpc: '2.0', id: 3, method: 'eth_blockNumber', params: [] }),
    ).toBeUndefined();
  });
});
