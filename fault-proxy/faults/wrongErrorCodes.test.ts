import { describe, expect, it } from 'vitest';
import { wrongErrorCodes } from './wrongErrorCodes.ts';

describe('wrongErrorCodes', () => {
  it('rewrites the code of a single error and keeps its message', () => {
    const body = { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found' } };
    expect(wrongErrorCodes(body)).toEqual({ ...body, error: { code: -32000, message: 'Method not found' } });
  });

  it('rewrites errors inside a batch and leaves results alone', () => {
    const ok = { id: 1, result: '0x1' };
    const body = [ok, { id: 2, error: { code: -32602, message: 'bad params' } }];
    expect(wrongErrorCodes(body)).toEqual([ok, { id: 2, error: { code: -32000, message: 'bad params' } }]);
  });

  it('returns the same value when there is nothing to rewrite', () => {
    const body = [{ id: 1, result: null }];
    expect(wrongErrorCodes(body)).toBe(body);
    const already = { id: 1, error: { code: -32000, message: 'x' } };
    expect(wrongErrorCodes(already)).toBe(already);
  });
});
