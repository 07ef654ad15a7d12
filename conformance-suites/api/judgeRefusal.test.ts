import { describe, expect, it } from 'vitest';
import { judgeRefusal } from './judgeRefusal.ts';
import type { RawHttpExchange } from './postRawHttp.ts';

const answered = (body: string, httpStatus = 200, truncated = false): RawHttpExchange => ({
  kind: 'answered',
  httpStatus,
  contentType: 'application/json',
  body,
  truncated,
  elapsedMs: 1,
});

describe('judgeRefusal', () => {
  it('counts any JSON-RPC error and any HTTP 4xx as a refusal', () => {
    expect(
      judgeRefusal(answered('{"jsonrpc":"2.0","id":1,"error":{"code":-32600,"message":"Invalid request"}}')),
    ).toEqual({
      verdict: 'refused',
      how: 'error -32600 (HTTP 200)',
    });
    expect(judgeRefusal(answered('400 Bad Request', 400))).toEqual({ verdict: 'refused', how: 'HTTP 400' });
    expect(judgeRefusal(answered('', 413)).verdict).toBe('refused');
  });

  it('reads a cut answer by its start: an error echoing a huge value is still a refusal', () => {
    const cut = `{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"invalid value \\"0x${'ab'.repeat(500)}`;
    expect(judgeRefusal(answered(cut, 200, true))).toMatchObject({
      verdict: 'refused',
      how: expect.stringMatching(/^error -32602/),
    });
    expect(
      judgeRefusal(answered(`{"jsonrpc":"2.0","id":1,"result":"${'a'.repeat(500)}`, 200, true)).verdict,
    ).toBe('not-refused');
  });

  it('tolerates a closed connection and fails results, 5xx pages and timeouts', () => {
    expect(judgeRefusal({ kind: 'no-answer', code: 'EPIPE', elapsedMs: 1 }).verdict).toBe('tolerated');
    expect(judgeRefusal({ kind: 'no-answer', code: 'TIMEOUT', elapsedMs: 1 }).verdict).toBe('not-refused');
    expect(judgeRefusal(answered('{"jsonrpc":"2.0","id":1,"result":"0x0"}'))).toEqual({
      verdict: 'not-refused',
      how: 'answered with a result "0x0" (HTTP 200)',
    });
    expect(judgeRefusal(answered('<html>500</html>', 500)).how).toBe(
      'HTTP 500 with a body that is not JSON (application/json)',
    );
  });
});
