import { describe, expect, it } from 'vitest';
import { expectedMix, probeCallData, word } from './probeCalls.ts';

describe('probe calls', () => {
  it('recomputes mix(7, 5) as anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2 answered it', () => {
    expect(expectedMix(7n, 5)).toBe('0x4ef584906afccd5fd553652a201a169d0e52164f6dadb5bd8365ee4f9ef4e106');
  });

  it('gives bytes32(seed) for zero rounds', () => {
    expect(expectedMix(7n, 0)).toBe(word(7n));
  });

  it('encodes set(v) with its selector', () => {
    expect(probeCallData('set', [0x6fn])).toBe(
      '0x60fe47b1000000000000000000000000000000000000000000000000000000000000006f',
    );
  });
});
