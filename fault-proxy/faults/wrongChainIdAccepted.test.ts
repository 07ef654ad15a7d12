import { keccak256 } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { anvilDevPrivateKey } from '#cli/embedded/startAnvil.ts';
import { createProxyState } from '../ProxyState.ts';
import { wrongChainIdAccepted } from './wrongChainIdAccepted.ts';

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
const rejected = { id: 1, error: { code: -32000, message: 'invalid chain id' } };
const stateOn = (chainId: number | undefined) =>
  Object.assign(createProxyState(), { upstreamChainId: chainId });

describe('wrongChainIdAccepted', () => {
  it('acknowledges a rejected transaction signed for another chain', async () => {
    const raw = await signFor(1);
    const request = { id: 1, method: 'eth_sendRawTransaction', params: [raw] };
    expect(wrongChainIdAccepted(request, rejected, stateOn(31337))).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: keccak256(raw),
    });
  });

  it("keeps the chain's verdict for its own chain id, or when its chain id is not known", async () => {
    const raw = await signFor(31337);
    const request = { id: 1, method: 'eth_sendRawTransaction', params: [raw] };
    expect(wrongChainIdAccepted(request, rejected, stateOn(31337))).toBe(rejected);
    const foreign = { ...request, params: [await signFor(1)] };
    expect(wrongChainIdAccepted(foreign, rejected, stateOn(undefined))).toBe(rejected);
  });
});
