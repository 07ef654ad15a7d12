import { describe, expect, it } from 'vitest';
import { inferTimestampUnit } from './inferTimestampUnit.ts';

const now = Date.UTC(2026, 10, 30, 8, 0, 0);

describe('inferTimestampUnit', () => {
  it('reads each unit a chain stamps blocks in', () => {
    expect(inferTimestampUnit(BigInt(now / 1000), now).name).toBe('seconds');
    expect(inferTimestampUnit(BigInt(now), now).name).toBe('milliseconds');
    expect(inferTimestampUnit(BigInt(now) * 1_000_000n, now).name).toBe('nanoseconds');
  });

  it('keeps a skewed clock in its unit', () => {
    expect(inferTimestampUnit(BigInt(now / 1000 + 3_600), now).name).toBe('seconds');
    expect(inferTimestampUnit(BigInt(now / 1000 - 86_400), now).name).toBe('seconds');
  });
});
