import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { unregisteredValidator, validatorSetTooSmall } from './shrinkValidatorSet.ts';

const set = [1, 2, 3, 4].map((n) => `0x${n.toString(16).padStart(40, '0')}`);
const request = { id: 1, method: 'qbft_getValidatorsByBlockNumber', params: ['0x5'] };

describe('validator-set faults', () => {
  it('validator-set-too-small reports only the first three of four validators', () => {
    expect(validatorSetTooSmall(request, { id: 1, result: set }, createProxyState()).result).toEqual(
      set.slice(0, 3),
    );
  });

  it('unregistered-validator swaps the last validator for an unregistered identity, keeping the count', () => {
    const result = unregisteredValidator(request, { id: 1, result: set }, createProxyState())
      .result as string[];
    expect(result).toHaveLength(4);
    expect(result.slice(0, 3)).toEqual(set.slice(0, 3));
    expect(result[3]).toMatch(/^0x[0-9a-f]{40}$/);
    expect(set).not.toContain(result[3]);
  });

  it('leaves other methods, null answers and small sets alone', () => {
    const other = { id: 1, result: set };
    expect(validatorSetTooSmall({ id: 1, method: 'eth_accounts' }, other, createProxyState())).toBe(other);
    const none = { id: 1, result: null };
    expect(unregisteredValidator(request, none, createProxyState())).toBe(none);
    const small = { id: 1, result: set.slice(0, 3) };
    expect(validatorSetTooSmall(request, small, createProxyState())).toBe(small);
  });
});
