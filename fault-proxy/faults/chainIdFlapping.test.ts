import { describe, expect, it } from 'vitest';
import { flappingChainId } from './chainIdFlapping.ts';

describe('flappingChainId', () => {
  it('answers the real id, then the id + 1, alternately', () => {
    expect([0, 1, 2, 3].map((i) => flappingChainId(31337n, i))).toEqual([31337n, 31338n, 31337n, 31338n]);
  });
});
