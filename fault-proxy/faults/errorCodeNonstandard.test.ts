import { describe, expect, it } from 'vitest';
import { errorCodeNonstandard } from './errorCodeNonstandard.ts';

describe('errorCodeNonstandard', () => {
  it('maps each JSON-RPC code to an HTTP-like one and keeps the message', () => {
    const error = (code: number) => ({ jsonrpc: '2.0', id: 1, error: { code, message: 'm' } });
    const codes = [-32700, -32600, -32601, -32602, -32603, -32000, 3].map(
      (code) => (errorCodeNonstandard(error(code)) as { error: { code: number } }).error.code,
    );
    expect(codes).toEqual([400, 400, 404, 422, 500, 500, 500]);
  });

  it('rewrites errors inside a batch, leaves results alone, and returns the same value when nothing changes', () => {
    const ok = { id: 1, result: '0x1' };
    expect(errorCodeNonstandard([ok, { id: 2, error: { code: -32602, message: 'bad' } }])).toEqual([
      ok,
      { id: 2, error: { code: 422, message: 'bad' } },
    ]);
    const results = [ok];
    expect(errorCodeNonstandard(results)).toBe(results);
  });
});
