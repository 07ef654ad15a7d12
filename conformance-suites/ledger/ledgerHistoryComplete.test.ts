import { describe, expect, it } from 'vitest';
import { historySample } from './ledgerHistoryComplete.ts';

describe('historySample', () => {
  it('takes genesis, the head and blocks spread evenly between, each with its parent', () => {
    expect(historySample(100n, 3)).toEqual([0n, 1n, 49n, 50n, 98n, 99n, 100n]);
  });

  it('covers a short chain whole and a chain of one block', () => {
    expect(historySample(3n, 16)).toEqual([0n, 1n, 2n, 3n]);
    expect(historySample(0n, 16)).toEqual([0n]);
  });
});
