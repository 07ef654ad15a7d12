import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { replayAccepted } from './replayAccepted.ts';

const raw = '0x02f86b827a69808402' as const;
const request = { id: 3, method: 'eth_sendRawTransaction', params: [raw] };
const rejected = { jsonrpc: '2.0', id: 3, error: { code: -32003, message: 'nonce too low' } };

describe('replayAccepted', () => {
  it('acknowledges a rejected resend of bytes already sent through the proxy', () => {
    const state = createProxyState();
    state.sentRawTxHashes.add(keccak256(raw));
    expect(replayAccepted(request, rejected, state)).toEqual({
      jsonrpc: '2.0',
      id: 3,
      result: keccak256(raw),
    });
  });

  it("keeps the chain's verdict on a first submission", () => {
    expect(replayAccepted(request, rejected, createProxyState())).toBe(rejected);
  });

  it('leaves accepted submissions alone', () => {
    const state = createProxyState();
    state.sentRawTxHashes.add(keccak256(raw));
    const accepted = { id: 3, result: keccak256(raw) };
    expect(replayAccepted(request, accepted, state)).toBe(accepted);
  });
});
