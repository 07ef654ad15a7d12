import { describe, expect, it } from 'vitest';
import { codeLagMs, codeVisibleLate } from './codeVisibleLate.ts';

const address = `0x${'Ab'.repeat(20)}`;
const request = { id: 1, method: 'eth_getCode', params: [address, 'latest'] };
const code = { id: 1, result: '0x6080' };

describe('codeVisibleLate', () => {
  it('hides new code until the lag has passed since it was first seen', () => {
    const firstSeen = new Map<string, number>();
    expect(codeVisibleLate(request, code, firstSeen, 1_000).result).toBe('0x');
    expect(codeVisibleLate(request, code, firstSeen, 1_000 + codeLagMs - 1).result).toBe('0x');
    expect(codeVisibleLate(request, code, firstSeen, 1_000 + codeLagMs)).toBe(code);
    expect(firstSeen.get(address.toLowerCase())).toBe(1_000);
  });

  it('leaves empty code and other methods alone', () => {
    const firstSeen = new Map<string, number>();
    const empty = { id: 1, result: '0x' };
    expect(codeVisibleLate(request, empty, firstSeen, 0)).toBe(empty);
    expect(codeVisibleLate({ ...request, method: 'eth_getBalance' }, code, firstSeen, 0)).toBe(code);
    expect(firstSeen.size).toBe(0);
  });
});
