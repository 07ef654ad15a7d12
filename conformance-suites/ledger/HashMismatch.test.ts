import { describe, expect, it } from 'vitest';
import { type HashMismatch, maxListedMismatches, mismatchEvidence } from './HashMismatch.ts';

const mismatch = (n: number): HashMismatch => ({ blockNumber: String(n), expected: '0x01', actual: '0x02' });

describe('mismatchEvidence', () => {
  it('keeps the full count but lists only the first mismatches, in order', () => {
    const all = Array.from({ length: 25 }, (_, n) => mismatch(n));
    const evidence = mismatchEvidence(all);
    expect(evidence.mismatchCount).toBe(25);
    expect(evidence.firstMismatches).toHaveLength(maxListedMismatches);
    expect(evidence.firstMismatches[0]).toEqual(mismatch(0));
  });

  it('lists everything when there are few', () => {
    expect(mismatchEvidence([mismatch(7)])).toEqual({ mismatchCount: 1, firstMismatches: [mismatch(7)] });
  });
});
