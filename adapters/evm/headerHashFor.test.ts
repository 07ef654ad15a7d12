import { stringToHex } from 'viem';
import { expect, it } from 'vitest';
import { headerHashFor } from './headerHashFor.ts';

it('hashes with SM3 for sm2-sm3 (GB/T 32905 test vector "abc")', () => {
  expect(headerHashFor('sm2-sm3')(stringToHex('abc'))).toBe(
    '0x66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
  );
});

it('hashes with keccak256 for Ethereum and SHA-256 for the others', () => {
  expect(headerHashFor('secp256k1-keccak256')('0x')).toBe(
    '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
  );
  expect(headerHashFor('p256-sha256')('0x')).toBe(
    '0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  );
});
