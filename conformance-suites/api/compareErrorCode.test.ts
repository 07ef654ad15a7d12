import { describe, expect, it } from 'vitest';
import type { RpcOutcome } from '#core/adapter/ChainAdapter.ts';
import { compareErrorCode } from './compareErrorCode.ts';
import { type JsonRpcErrorCase, jsonRpcErrorCases } from './jsonRpcErrorCases.ts';

const errorWith = (code: number): RpcOutcome => ({
  kind: 'error',
  error: { code, message: 'any text' },
  httpStatus: 200,
});
const caseNamed = (name: string): JsonRpcErrorCase => {
  const found = jsonRpcErrorCases.find((c) => c.name === name);
  if (!found) throw new Error(`no case ${name}`);
  return found;
};

describe('jsonRpcErrorCases', () => {
  it('states a policy and at least one expected code for every case, with unique names', () => {
    expect(new Set(jsonRpcErrorCases.map((c) => c.name)).size).toBe(jsonRpcErrorCases.length);
    for (const c of jsonRpcErrorCases) {
      expect(c.policy.length).toBeGreaterThan(0);
      expect(c.expectedCodes.length).toBeGreaterThan(0);
    }
  });

  it('covers the four JSON-RPC 2.0 §5.1 request errors', () => {
    expect(jsonRpcErrorCases.flatMap((c) => c.expectedCodes).sort()).toEqual(
      [-32700, -32602, -32601, -32600].sort(),
    );
  });
});

describe('compareErrorCode', () => {
  it('matches the specified code and ignores the message', () => {
    expect(compareErrorCode(caseNamed('unknown-method'), errorWith(-32601))).toMatchObject({
      verdict: 'match',
      observed: -32601,
    });
  });

  it('tolerates -32600 for malformed JSON and records the deviation', () => {
    const result = compareErrorCode(caseNamed('parse-error'), errorWith(-32600));
    expect(result.verdict).toBe('tolerated');
    expect(result.note).toContain('-32700');
  });

  it('does not tolerate -32600 where it is not listed', () => {
    expect(compareErrorCode(caseNamed('invalid-params'), errorWith(-32600)).verdict).toBe('mismatch');
  });

  it('fails when every code is the generic -32000 (fault wrong-error-codes)', () => {
    for (const c of jsonRpcErrorCases) {
      const result = compareErrorCode(c, errorWith(-32000));
      expect(result).toMatchObject({ verdict: 'mismatch', observed: -32000 });
      expect(result.note).toContain('-32000');
    }
  });

  it('fails when a bad request is answered with a result', () => {
    const result = compareErrorCode(caseNamed('invalid-params'), {
      kind: 'result',
      result: '0x0',
      httpStatus: 200,
    });
    expect(result).toMatchObject({ verdict: 'mismatch', observed: 'result' });
  });

  it('fails when the answer is a bare HTTP error', () => {
    const result = compareErrorCode(caseNamed('parse-error'), {
      kind: 'http-error',
      httpStatus: 400,
      body: 'bad',
    });
    expect(result).toMatchObject({ verdict: 'mismatch', observed: 'HTTP 400' });
  });
});
