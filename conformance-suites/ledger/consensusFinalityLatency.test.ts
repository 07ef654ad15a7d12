import { describe, expect, it } from 'vitest';
import { median } from './consensusFinalityLatency.ts';

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
    expect(median([])).toBeUndefined();
  });
});
