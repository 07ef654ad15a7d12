import { keccak256 } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { anvilDevPrivateKey } from '#cli/embedded/startAnvil.ts';
import { observeExchange } from '../observeExchange.ts';
import { createProxyState } from '../ProxyState.ts';
import { tamperedTxAccepted } from './tamperedTxAccepted.ts';

const account = privateKeyToAccount(anvilDevPrivateKey);
const signFor = (chainId: number) =>
  account.signTransaction({
    chainId,
    to: account.address,
    value: 1n,
    nonce: 0,
    gas: 21_000n,
    maxFeePerGas: 2n,
    maxPriorityFeePerGas: 1n,
  });
const rejected = { id: 9, error: { code: -32003, message: 'insufficient funds' } };
const send = (raw: string) => ({ id: 9, method: 'eth_sendRawTransaction', params: [raw] });

describe('tamperedTxAccepted', () => {
  it('acknowledges a first submission rejected for its content, parseable or not', async () => {
    const state = Object.assign(createProxyState(), { upstreamChainId: 31337 });
    const raw = await signFor(31337);
    expect(tamperedTxAccepted(send(raw), rejected, state)).toEqual({
      jsonrpc: '2.0',
      id: 9,
      result: keccak256(raw),
    });
    expect(tamperedTxAccepted(send('0x02ff00'), rejected, state).result).toBe(keccak256('0x02ff00'));
  });

  it('leaves replays and foreign chain ids to their own faults', async () => {
    const state = Object.assign(createProxyState(), { upstreamChainId: 31337 });
    const replay = await signFor(31337);
    state.sentRawTxHashes.add(keccak256(replay));
    expect(tamperedTxAccepted(send(replay), rejected, state)).toBe(rejected);
    expect(tamperedTxAccepted(send(await signFor(1)), rejected, state)).toBe(rejected);
  });

  it("leaves a rate limiter's -32005 alone and does not count the throttled attempt as sent", async () => {
    // Found by the selftest: the acknowledged throttle was retried by the client, and the retry then
    // looked like a replay, so the forged transaction went through unrewritten.
    const state = Object.assign(createProxyState(), { upstreamChainId: 31337 });
    const raw = await signFor(31337);
    const throttled = { id: 9, error: { code: -32005, message: 'limit exceeded' } };
    expect(tamperedTxAccepted(send(raw), throttled, state)).toBe(throttled);
    observeExchange(state, { jsonrpc: '2.0', ...send(raw) }, { jsonrpc: '2.0', ...throttled }, true);
    expect(state.sentRawTxHashes.has(keccak256(raw))).toBe(false);
    expect(tamperedTxAccepted(send(raw), rejected, state).result).toBe(keccak256(raw));
  });
});
