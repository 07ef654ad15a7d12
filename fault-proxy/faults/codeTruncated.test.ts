import { describe, expect, it } from 'vitest';
import { codeTruncated } from './codeTruncated.ts';

const request = { id: 1, method: 'eth_getCode', params: [`0x${'11'.repeat(20)}`, 'latest'] };

describe('codeTruncated', () => {
  it('drops the last byte of non-empty code', () => {
    expect(codeTruncated(request, { id: 1, result: '0x6080604052' }).result).toBe('0x60806040');
  });

  it('leaves empty code, errors and other methods untouched', () => {
    const empty = { id: 1, result: '0x' };
    const error = { id: 1, error: { code: -32000, message: 'x' } };
    const balance = { id: 1, result: '0x6080604052' };
    expect(codeTruncated(request, empty)).toBe(empty);
    expect(codeTruncated(request, error)).toBe(error);
    expect(codeTruncated({ ...request, method: 'eth_getBalance' }, balance)).toBe(balance);
  });
});
