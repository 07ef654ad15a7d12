import { describe, expect, it } from 'vitest';
import { classifyThrottling } from './classifyThrottling.ts';

describe('classifyThrottling', () => {
  it('counts HTTP 429 and 503, -32005 and "rate limit" errors as throttled', () => {
    expect(classifyThrottling({ kind: 'http-error', httpStatus: 429, body: '' })).toEqual({
      kind: 'throttled',
      how: 'HTTP 429',
    });
    expect(classifyThrottling({ kind: 'http-error', httpStatus: 503, body: '<html>' }).kind).toBe(
      'throttled',
    );
    expect(
      classifyThrottling({
        kind: 'error',
        error: { code: -32005, message: 'limit exceeded' },
        httpStatus: 429,
      }).how,
    ).toBe('HTTP 429');
    expect(
      classifyThrottling({ kind: 'error', error: { code: -32005, message: 'x' }, httpStatus: 200 }).how,
    ).toBe('error -32005');
    expect(
      classifyThrottling({
        kind: 'error',
        error: { code: -32000, message: 'Too Many Requests' },
        httpStatus: 200,
      }).kind,
    ).toBe('throttled');
  });

  it('counts a result as served and other errors as other', () => {
    expect(classifyThrottling({ kind: 'result', result: '0x1', httpStatus: 200 }).kind).toBe('served');
    expect(
      classifyThrottling({ kind: 'error', error: { code: -32603, message: 'internal' }, httpStatus: 200 })
        .kind,
    ).toBe('other');
  });
});
