import { describe, expect, it } from 'vitest';
import type { RpcOutcome } from '#core/adapter/ChainAdapter.ts';
import { type InvalidParamCase, invalidParamCases } from './invalidParamCases.ts';
import { judgeInvalidParams } from './judgeInvalidParams.ts';

const caseNamed = (name: string): InvalidParamCase => {
  const found = invalidParamCases.find((c) => c.name === name);
  if (!found) throw new Error(name);
  return found;
};
const result = (value: unknown): RpcOutcome => ({ kind: 'result', result: value, httpStatus: 200 });
const error = (code: number): RpcOutcome => ({
  kind: 'error',
  error: { code, message: 'm' },
  httpStatus: 200,
});

describe('invalidParamCases', () => {
  it('has unique names, a reason each, and canonical params for every canonical case', () => {
    expect(new Set(invalidParamCases.map((c) => c.name)).size).toBe(invalidParamCases.length);
    for (const c of invalidParamCases) {
      expect(c.why.length).toBeGreaterThan(5);
      if (c.policy === 'canonical') expect(c.canonicalParams).not.toEqual(c.params);
    }
  });
});

describe('judgeInvalidParams', () => {
  it('matches -32602 and tolerates other refusals, recording the code', () => {
    expect(judgeInvalidParams(caseNamed('address-19-bytes'), error(-32602), undefined).verdict).toBe('match');
    expect(judgeInvalidParams(caseNamed('block-tag-unknown'), error(-32004), undefined)).toMatchObject({
      verdict: 'tolerated',
      observed: '-32004',
    });
  });

  it('fails a result for a malformed value (ganache: 0x0 for a 19-byte address)', () => {
    expect(judgeInvalidParams(caseNamed('address-19-bytes'), result('0x0'), undefined)).toMatchObject({
      verdict: 'mismatch',
      note: 'accepted invalid input (an address is 20 bytes): result "0x0"',
    });
  });

  it('tolerates a non-canonical encoding read as its canonical form, and fails one read otherwise', () => {
    const genesis = { hash: '0xab' };
    expect(
      judgeInvalidParams(caseNamed('quantity-leading-zero'), result(genesis), result(genesis)).verdict,
    ).toBe('tolerated');
    expect(
      judgeInvalidParams(caseNamed('block-hash-without-prefix'), result(null), result(genesis)),
    ).toMatchObject({
      verdict: 'mismatch',
      note: expect.stringMatching(/it misread the value$/),
    });
  });
});
