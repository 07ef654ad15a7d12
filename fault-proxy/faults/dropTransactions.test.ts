import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { dropEvery, dropTransactions } from './dropTransactions.ts';

describe('dropTransactions', () => {
  it('acknowledges every 10th submission without forwarding it, and only that one', () => {
    const state = createProxyState();
    const answers = Array.from({ length: 2 * dropEvery }, (_, i) => {
      const raw = `0x02${i.toString(16).padStart(4, '0')}` as const;
      return {
        raw,
        answer: dropTransactions({ id: i, method: 'eth_sendRawTransaction', params: [raw] }, state),
      };
    });
    const dropped = answers.filter((a) => a.answer !== undefined);
    expect(dropped.map((a) => a.raw)).toEqual([answers[9]?.raw, answers[19]?.raw]);
    expect(dropped[0]?.answer?.result).toBe(keccak256(answers[9]!.raw));
  });

  it('does not count other methods', () => {
    const state = createProxyState();
    for (let i = 0; i < 20; i += 1)
      expect(dropTransactions({ id: i, method: 'eth_blockNumber' }, state)).toBeUndefined();
    expect(state.submissionsWhileDropping).toBe(0);
  });
});
