import { describe, expect, it } from 'vitest';
import { classifyExposure } from './classifyExposure.ts';

describe('classifyExposure', () => {
  it('treats -32601 method not found as hidden', () => {
    const verdict = classifyExposure({
      kind: 'error',
      error: { code: -32601, message: 'Method not found' },
      httpStatus: 200,
    });
    expect(verdict.exposed).toBe(false);
  });

  it.each([
    [-32004, 'Method admin_peers is not supported'],
    [-32700, 'The method admin_peers does not exist/is not available'],
    [-32000, 'the method debug_traceTransaction does not exist/is not available'],
    [-32603, 'Unsupported method: anvil_setBalance'],
  ])('treats a "not provided" answer (%i "%s") as hidden, as Hardhat and ganache answer', (code, message) => {
    expect(classifyExposure({ kind: 'error', error: { code, message }, httpStatus: 200 }).exposed).toBe(
      false,
    );
  });

  it.each([401, 403, 404, 405])('treats HTTP %i as hidden', (httpStatus) => {
    expect(classifyExposure({ kind: 'http-error', httpStatus, body: '' }).exposed).toBe(false);
  });

  it.each(['Unauthorized', 'permission denied', 'method not allowed', 'Forbidden: admin API'])(
    'treats an explicit refusal "%s" as hidden',
    (message) => {
      expect(
        classifyExposure({ kind: 'error', error: { code: -32000, message }, httpStatus: 200 }).exposed,
      ).toBe(false);
    },
  );

  it('fails when the method answers with a result', () => {
    const verdict = classifyExposure({ kind: 'result', result: { enode: 'enode://…' }, httpStatus: 200 });
    expect(verdict).toEqual({ exposed: true, reason: 'answered with a result' });
  });

  it('fails when the method rejects only the arguments (-32602 means it is served)', () => {
    const verdict = classifyExposure({
      kind: 'error',
      error: { code: -32602, message: 'invalid type: floating point `-1.5`, expected 20 bytes' },
      httpStatus: 200,
    });
    expect(verdict.exposed).toBe(true);
    expect(verdict.reason).toContain('-32602');
  });

  it('fails when the answer is an HTTP error other than a refusal', () => {
    const verdict = classifyExposure({ kind: 'http-error', httpStatus: 500, body: 'boom' });
    expect(verdict.exposed).toBe(true);
    expect(verdict.reason).toContain('HTTP 500');
  });

  it('fails when an argument complaint merely sounds like a refusal', () => {
    const verdict = classifyExposure({
      kind: 'error',
      error: { code: -32602, message: 'negative values not allowed' },
      httpStatus: 200,
    });
    expect(verdict.exposed).toBe(true);
  });

  it('fails when -32602 carries refusal words (the method still parsed the call)', () => {
    const verdict = classifyExposure({
      kind: 'error',
      error: { code: -32602, message: 'unauthorized value' },
      httpStatus: 200,
    });
    expect(verdict.exposed).toBe(true);
  });
});
