import { describe, expect, it } from 'vitest';
import { gasUsedUnderstated } from './gasUsedUnderstated.ts';

const request = { id: 1, method: 'eth_getTransactionReceipt', params: [`0x${'aa'.repeat(32)}`] };

describe('gasUsedUnderstated', () => {
  it('halves gasUsed of a failed receipt and nothing else', () => {
    const failed = { status: '0x0', gasUsed: '0x7a120', cumulativeGasUsed: '0x7a120' };
    expect(gasUsedUnderstated(request, { id: 1, result: failed }).result).toEqual({
      ...failed,
      gasUsed: '0x3d090',
    });
  });

  it('leaves successful and missing receipts alone', () => {
    const ok = { id: 1, result: { status: '0x1', gasUsed: '0x5208' } };
    const none = { id: 1, result: null };
    expect(gasUsedUnderstated(request, ok)).toBe(ok);
    expect(gasUsedUnderstated(request, none)).toBe(none);
  });
});
