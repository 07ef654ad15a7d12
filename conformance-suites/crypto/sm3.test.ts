import { createHash, getHashes, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sm3, sm3Hex } from './sm3.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('sm3 (GB/T 32905-2016)', () => {
  it('hashes "abc" to the digest of the standard\'s example 1 (Appendix A.1)', () => {
    expect(hex(sm3(Buffer.from('abc')))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('hashes the 64-byte "abcd" x 16 to the digest of example 2 (Appendix A.2), two blocks after padding', () => {
    expect(hex(sm3(Buffer.from('abcd'.repeat(16))))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('hashes the empty message', () => {
    expect(sm3Hex('0x')).toBe('0x1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
  });

  it.skipIf(!getHashes().includes('sm3'))(
    'agrees with OpenSSL on messages around the 55/56/64-byte padding boundaries and beyond',
    () => {
      for (const length of [1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) {
        const message = randomBytes(length);
        expect(hex(sm3(message)), `length ${length}`).toBe(createHash('sm3').update(message).digest('hex'));
      }
    },
  );
});
