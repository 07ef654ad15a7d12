import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { identifyHashFunction } from './identifyHashFunction.ts';
import { sm3Hex } from './sm3.ts';

const preimages = ['0xf90200', '0x02f86c8205398085'] as const;

describe('identifyHashFunction', () => {
  it('identifies keccak256 when it reproduces every hash', () => {
    const items = preimages.map((p, i) => ({ label: `item ${i}`, reported: keccak256(p), preimage: p }));
    expect(identifyHashFunction(items)).toMatchObject({
      matches: 'keccak256',
      reproduced: { keccak256: 2, sm3: 0, sha256: 0 },
      unexplained: [],
    });
  });

  it('identifies SM3 on an SM3 ledger', () => {
    const items = preimages.map((p, i) => ({ label: `item ${i}`, reported: sm3Hex(p), preimage: p }));
    expect(identifyHashFunction(items).matches).toBe('sm3');
  });

  it('identifies nothing when one hash is reproduced by no function (a forged block hash)', () => {
    const items = [
      { label: 'block 1', reported: keccak256(keccak256(preimages[0])), preimage: preimages[0] },
      { label: 'tx', reported: keccak256(preimages[1]), preimage: preimages[1] },
    ];
    const result = identifyHashFunction(items);
    expect(result.matches).toBe('none');
    expect(result.reproduced.keccak256).toBe(1);
    expect(result.unexplained).toEqual([
      expect.objectContaining({
        label: 'block 1',
        computed: expect.objectContaining({ keccak256: keccak256(preimages[0]) }),
      }),
    ]);
  });

  it('identifies nothing when the ledger mixes functions, or when there is nothing to hash', () => {
    const mixed = [
      { label: 'a', reported: keccak256(preimages[0]), preimage: preimages[0] },
      { label: 'b', reported: sm3Hex(preimages[1]), preimage: preimages[1] },
    ];
    expect(identifyHashFunction(mixed).matches).toBe('none');
    expect(identifyHashFunction([]).matches).toBe('none');
  });
});
