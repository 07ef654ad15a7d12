import { describe, expect, it } from 'vitest';
import type { RawHttpExchange } from '#conformance/api/postRawHttp.ts';
import { isStandardErrorCode, judgeFuzzAnswer } from './judgeFuzzAnswer.ts';

const answered = (body: unknown, httpStatus = 200, contentType = 'application/json'): RawHttpExchange => ({
  kind: 'answered',
  httpStatus,
  contentType,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  truncated: false,
  elapsedMs: 1,
});
const error = (id: unknown, code: number, extra: Record<string, unknown> = {}) => ({
  jsonrpc: '2.0',
  ...(id === undefined ? {} : { id }),
  error: { code, message: 'm' },
  ...extra,
});
const request = (id: unknown, method: unknown = 'eth_getBalance') =>
  JSON.stringify({ jsonrpc: '2.0', ...(id === undefined ? {} : { id }), method, params: ['0xzz'] });

describe('judgeFuzzAnswer', () => {
  it('accepts the standard codes, EIP-1474 server errors and 3, nothing else', () => {
    for (const code of [-32700, -32600, -32601, -32602, -32603, -32000, -32004, -32099, 3])
      expect(isStandardErrorCode(code), String(code)).toBe(true);
    for (const code of [0, 1, -1, 400, 500, -32604, -32100, -32701, -31999])
      expect(isStandardErrorCode(code)).toBe(false);
  });

  it('passes what anvil, Hardhat 2.29.1 and ganache 7.9.2 answer (measured), recording the conventions', () => {
    // anvil: malformed JSON → -32600 id null; every batch with an invalid entry rejected whole.
    expect(judgeFuzzAnswer('{"id":1,"method":', answered(error(null, -32600))).verdict).toBe('ok');
    expect(judgeFuzzAnswer(`[${request(1)},5]`, answered(error(null, -32600))).verdict).toBe('tolerated');
    // Hardhat: unknown method -32004, empty batch [].
    expect(judgeFuzzAnswer(request(7, 'chainevalfuzz_x'), answered(error(7, -32004))).verdict).toBe('ok');
    expect(judgeFuzzAnswer('[]', answered([])).verdict).toBe('tolerated');
    // ganache: unparseable → HTTP 400 text; every error -32700; invalid batch entries answered without id.
    expect(judgeFuzzAnswer('{', answered('400 Bad Request', 400, 'text/plain')).verdict).toBe('tolerated');
    expect(judgeFuzzAnswer(request(3), answered(error(3, -32700))).verdict).toBe('ok');
    expect(
      judgeFuzzAnswer(
        `[1,${request(2)}]`,
        answered([error(undefined, -32700), { jsonrpc: '2.0', id: 2, result: '0x1' }]),
      ).verdict,
    ).toBe('tolerated');
    // A notification answered without id (ganache) or not at all (anvil, HTTP 204).
    expect(judgeFuzzAnswer(request(undefined), answered({ jsonrpc: '2.0', result: '0x539' })).verdict).toBe(
      'tolerated',
    );
    expect(judgeFuzzAnswer(request(undefined), answered('', 204, '')).verdict).toBe('ok');
    // An invalid id echoed (ganache) or answered null (anvil).
    expect(
      judgeFuzzAnswer(request({ a: 1 }), answered({ jsonrpc: '2.0', id: { a: 1 }, result: '0x1' })).verdict,
    ).toBe('tolerated');
    expect(judgeFuzzAnswer(request(1.5), answered(error(null, -32600))).verdict).toBe('ok');
    // A request with a valid id the server could not read as valid: id null with an error.
    expect(judgeFuzzAnswer(request(1, null), answered(error(null, -32600))).verdict).toBe('ok');
  });

  it('fails HTML error pages, resets, redirects and non-JSON 2xx answers', () => {
    const html = answered('<!DOCTYPE html><html></html>', 500, 'text/html');
    expect(judgeFuzzAnswer('{', html)).toMatchObject({ verdict: 'violation' });
    expect(judgeFuzzAnswer(request(1), html).verdict).toBe('violation');
    expect(
      judgeFuzzAnswer(request(1), { kind: 'no-answer', code: 'ECONNRESET', elapsedMs: 3 }).notes,
    ).toEqual(['no answer (ECONNRESET)']);
    expect(judgeFuzzAnswer(request(1), answered('ok', 200, 'text/plain')).verdict).toBe('violation');
    expect(judgeFuzzAnswer(request(1), answered('', 302, '')).verdict).toBe('violation');
    expect(judgeFuzzAnswer(request(1), answered(error(1, -32602), 503)).verdict).toBe('tolerated');
  });

  it('fails non-standard codes, wrong or invented ids and malformed responses', () => {
    expect(judgeFuzzAnswer(request(1), answered(error(1, 422))).notes).toEqual([
      'error code 422 is outside the standard ranges',
    ]);
    expect(judgeFuzzAnswer(request(1), answered(error(2, -32602))).notes).toEqual([
      'answered id 2 to a request with id 1',
    ]);
    expect(judgeFuzzAnswer(request(1), answered({ jsonrpc: '2.0', id: null, result: '0x0' })).verdict).toBe(
      'violation',
    );
    expect(judgeFuzzAnswer(request(1), answered({ id: 1, result: '0x0' })).notes).toEqual([
      'jsonrpc is undefined, not "2.0"',
    ]);
    expect(
      judgeFuzzAnswer(
        request(1),
        answered({ jsonrpc: '2.0', id: 1, result: 1, error: { code: -32602, message: 'm' } }),
      ).verdict,
    ).toBe('violation');
    expect(judgeFuzzAnswer(request(1), answered([error(1, -32602)])).verdict).toBe('violation');
    expect(judgeFuzzAnswer('42', answered({ jsonrpc: '2.0', id: null, result: '0x1' })).verdict).toBe(
      'violation',
    );
  });

  it('judges batches by id: none invented, none answered twice, none left out', () => {
    const batch = `[${request(1)},${request(2)}]`;
    const ok = [error(2, -32602), error(1, -32602)];
    expect(judgeFuzzAnswer(batch, answered(ok)).verdict).toBe('ok');
    expect(judgeFuzzAnswer(batch, answered([error(1, -32602), error(1, -32602)])).notes).toEqual([
      'id 1 answered 2 times for 1 request(s)',
      'the request with id 2 got no answer',
    ]);
    expect(judgeFuzzAnswer(batch, answered([error(1, -32602), error(3, -32602)])).notes).toContain(
      'an answer carries id 3, which no entry of the batch had',
    );
    expect(judgeFuzzAnswer(batch, answered(error(5, -32600))).verdict).toBe('violation');
    expect(judgeFuzzAnswer('[]', answered(error(null, -32600))).verdict).toBe('ok');
    expect(judgeFuzzAnswer('[]', answered('', 200, '')).verdict).toBe('violation');
  });
});
