import { describe, expect, it } from 'vitest';
import { computeLogsBloom, orBlooms } from './logsBloom.ts';

const zeroBloom = `0x${'00'.repeat(256)}`;

/**
 * anvil 1.7.1's receipt for LedgerProbe.store(0xabcdef) at 0x5fbdb2315678afecb367f032d93f642f64180aa3
 * (one log, topic keccak256("Stored(uint256)")), as recorded while building this check.
 */
const anvilLog = {
  address: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
  topics: ['0xc6d8c0af6d21f291e7c359603aa97e0ed500f04db6e983b9fce75a91c6b8da6b'],
} as const;
const anvilBloom =
  '0x00000000000000000000000000000000000000000000000000000000000000000004800000000000000000000000100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000040000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000000000000000000040000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000';

describe('computeLogsBloom', () => {
  it('is all zeros without logs', () => {
    expect(computeLogsBloom([])).toBe(zeroBloom);
  });

  it("reproduces a real node's bloom for one log with one topic", () => {
    expect(computeLogsBloom([anvilLog])).toBe(anvilBloom);
  });

  it('sets at most three bits per item', () => {
    const bloom = BigInt(computeLogsBloom([{ address: anvilLog.address, topics: [] }]));
    const bits = bloom
      .toString(2)
      .split('')
      .filter((b) => b === '1').length;
    expect(bits).toBeGreaterThan(0);
    expect(bits).toBeLessThanOrEqual(3);
  });
});

describe('orBlooms', () => {
  it('ORs bytewise', () => {
    const a = `0x01${'00'.repeat(255)}` as const;
    const b = `0x${'00'.repeat(255)}80` as const;
    expect(orBlooms([a, b])).toBe(`0x01${'00'.repeat(254)}80`);
    expect(orBlooms([])).toBe(zeroBloom);
  });
});
