import { describe, expect, it } from 'vitest';
import { jsonSafe } from './jsonSafe.ts';

describe('jsonSafe', () => {
  it('turns bigints anywhere into decimal strings so the outcome can be stored', () => {
    const outcome = { status: 'fail', actual: { balance: 10n ** 20n, blocks: [1n, 'x'] } };
    expect(JSON.stringify(jsonSafe(outcome))).toBe(
      '{"status":"fail","actual":{"balance":"100000000000000000000","blocks":["1","x"]}}',
    );
  });

  it('returns plain data unchanged, same reference', () => {
    const outcome = { status: 'pass', evidence: { n: 1, list: ['a'] } };
    expect(jsonSafe(outcome)).toBe(outcome);
  });
});
