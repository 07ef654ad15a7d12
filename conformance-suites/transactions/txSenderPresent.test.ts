import { describe, expect, it } from 'vitest';
import { senderProblem } from './txSenderPresent.ts';

describe('senderProblem', () => {
  it('accepts a 20-byte address in either letter case', () => {
    expect(senderProblem('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')).toBeUndefined();
  });

  it.each([
    [undefined, 'has no from'],
    [null, 'has from null, not a 20-byte address'],
    ['0x1234', 'has from "0x1234", not a 20-byte address'],
    [`0x${'00'.repeat(20)}`, 'has the zero address as from, which no key controls'],
  ])('names what is wrong with %s', (from, problem) => {
    expect(senderProblem(from)).toBe(problem);
  });
});
