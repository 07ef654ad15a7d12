import { describe, expect, it } from 'vitest';
import { ledgerSampleRange } from './ledgerSampleRange.ts';

describe('ledgerSampleRange', () => {
  it('takes the last sampleBlocks blocks up to the head', () => {
    expect(ledgerSampleRange(100n, 32, 2)).toEqual({ from: 69n, to: 100n });
  });

  it('clips at genesis on a short chain', () => {
    expect(ledgerSampleRange(5n, 32, 2)).toEqual({ from: 0n, to: 5n });
  });

  it('counts genesis as a block: height 1 holds two blocks', () => {
    expect(ledgerSampleRange(1n, 32, 2)).toEqual({ from: 0n, to: 1n });
  });

  it('returns null when the chain holds fewer blocks than required', () => {
    expect(ledgerSampleRange(0n, 32, 2)).toBeNull();
  });

  it('never samples fewer than minBlocks even if sampleBlocks is smaller', () => {
    expect(ledgerSampleRange(10n, 1, 2)).toEqual({ from: 9n, to: 10n });
  });
});
