import { describe, expect, it } from 'vitest';
import { decodeQbftExtraData, encodeQbftExtraData } from './qbftExtraData.ts';

/**
 * The known raw encoding of hyperledger/besu QbftExtraDataCodecTest (as ported to Nethermind's
 * QbftExtraDataCodecTests): vanity 0x01..0x20, validators 0x…01 and 0x…02, an add vote for 0x…01,
 * round 0xFEDCBA, seals (r=1, s=10, id 0) and (r=10, s=1, id 0).
 */
const besuRaw =
  ('0xf8f0a00102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20ea940000000000000000' +
    '000000000000000000000001940000000000000000000000000000000000000002d7940000000000000000' +
    '00000000000000000000000181ff83fedcbaf886b841000000000000000000000000000000000000000000' +
    '0000000000000000000001000000000000000000000000000000000000000000000000000000000000000a' +
    '00b841000000000000000000000000000000000000000000000000000000000000000a0000000000000000' +
    '00000000000000000000000000000000000000000000000100') as `0x${string}`;

const word = (n: number) => n.toString(16).padStart(64, '0');
const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as const;

describe('QBFT extraData', () => {
  it("decodes Besu's known encoding field by field and re-encodes it byte for byte", () => {
    const decoded = decodeQbftExtraData(besuRaw);
    expect(decoded).toEqual({
      ok: true,
      value: {
        vanity: `0x${Array.from({ length: 32 }, (_, i) => (i + 1).toString(16).padStart(2, '0')).join('')}`,
        validators: [addr(1), addr(2)],
        vote: { recipient: addr(1), add: true },
        round: 0xfedcba,
        seals: [`0x${word(1)}${word(10)}00`, `0x${word(10)}${word(1)}00`],
      },
    });
    if (!decoded.ok) return;
    expect(encodeQbftExtraData(decoded.value)).toBe(besuRaw);
  });

  it('encodes without seals as Besu encodeWithoutCommitSeals: round kept, seal list empty', () => {
    const decoded = decodeQbftExtraData(besuRaw);
    if (!decoded.ok) throw new Error(decoded.problem);
    const bare = decodeQbftExtraData(encodeQbftExtraData(decoded.value, { withoutSeals: true }));
    expect(bare).toMatchObject({ ok: true, value: { round: 0xfedcba, seals: [] } });
  });

  it.each([
    ['0x', /not an RLP list/],
    ['0xc0', /not an RLP list of 5 items/],
    ['0xzz', /not RLP/],
  ])('refuses %s naming the problem', (raw, problem) => {
    const decoded = decodeQbftExtraData(raw as `0x${string}`);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problem).toMatch(problem);
  });

  it('refuses a seal that is not 65 bytes', () => {
    const decoded = decodeQbftExtraData(besuRaw);
    if (!decoded.ok) throw new Error(decoded.problem);
    const short = encodeQbftExtraData({ ...decoded.value, seals: ['0x01'] });
    expect(decodeQbftExtraData(short)).toEqual({
      ok: false,
      problem: 'extraData seals is not a list of 65-byte signatures',
    });
  });
});
