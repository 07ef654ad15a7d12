import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { commitDelayed, commitDelayMs, type SubmissionTimes } from './commitDelayed.ts';

const raw = '0x02f86b0102' as const;
const hash = keccak256(raw);
const receipt = { id: 2, result: { transactionHash: hash, status: '0x1' } };
const ask = { id: 2, method: 'eth_getTransactionReceipt', params: [hash] };

describe('commitDelayed', () => {
  it('hides a receipt until the delay after submission has passed', () => {
    const times: SubmissionTimes = new Map();
    commitDelayed(
      { id: 1, method: 'eth_sendRawTransaction', params: [raw] },
      { id: 1, result: hash },
      times,
      1_000,
    );
    expect(commitDelayed(ask, receipt, times, 1_000 + commitDelayMs - 1).result).toBeNull();
    expect(commitDelayed(ask, receipt, times, 1_000 + commitDelayMs)).toBe(receipt);
  });

  it('counts from the first question for transactions submitted elsewhere', () => {
    const times: SubmissionTimes = new Map();
    expect(commitDelayed(ask, receipt, times, 5_000).result).toBeNull();
    expect(commitDelayed(ask, receipt, times, 5_000 + commitDelayMs)).toBe(receipt);
  });
});
