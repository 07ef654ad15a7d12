import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { stateProofForged } from './stateProofForged.ts';

describe('stateProofForged', () => {
  it('adds one unit to the reported balance and keeps the proof nodes', () => {
    const proof = { balance: '0xff', accountProof: ['0x01'], nonce: '0x1' };
    const response = stateProofForged(
      { id: 1, method: 'eth_getProof' },
      { id: 1, result: proof },
      createProxyState(),
    );
    expect(response.result).toEqual({ ...proof, balance: '0x100' });
  });

  it('leaves other methods and errors alone', () => {
    const balance = { id: 1, result: '0xff' };
    expect(stateProofForged({ id: 1, method: 'eth_getBalance' }, balance, createProxyState())).toBe(balance);
    const error = { id: 1, error: { code: -32601, message: 'Method not found' } };
    expect(stateProofForged({ id: 1, method: 'eth_getProof' }, error, createProxyState())).toBe(error);
  });
});
