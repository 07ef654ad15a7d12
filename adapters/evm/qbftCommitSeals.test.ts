import { keccak256, toHex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import type { BlockView } from '#core/adapter/ChainAdapter.ts';
import { committedSealDigest, recoverCommitters, signCommitSeal } from './qbftCommitSeals.ts';
import type { QbftExtraData } from './qbftExtraData.ts';

const key = (name: string) => keccak256(toHex(name));

/** A London-era header as a node returns it (fields only; the hash is not checked here). */
const block: BlockView = {
  number: 5n,
  hash: `0x${'11'.repeat(32)}`,
  parentHash: `0x${'22'.repeat(32)}`,
  timestamp: 1n,
  txRoot: `0x${'33'.repeat(32)}`,
  txIds: [],
  raw: {
    parentHash: `0x${'22'.repeat(32)}`,
    sha3Uncles: `0x${'44'.repeat(32)}`,
    miner: `0x${'55'.repeat(20)}`,
    stateRoot: `0x${'66'.repeat(32)}`,
    transactionsRoot: `0x${'33'.repeat(32)}`,
    receiptsRoot: `0x${'77'.repeat(32)}`,
    logsBloom: `0x${'00'.repeat(256)}`,
    difficulty: '0x1',
    number: '0x5',
    gasLimit: '0x1c9c380',
    gasUsed: '0x0',
    timestamp: '0x1',
    extraData: '0x',
    mixHash: `0x${'88'.repeat(32)}`,
    nonce: '0x0000000000000000',
    baseFeePerGas: '0x7',
  },
};

const extra = (seals: QbftExtraData['seals'], round = 0): QbftExtraData => ({
  vanity: `0x${'00'.repeat(32)}`,
  validators: [privateKeyToAddress(key('v1')).toLowerCase() as `0x${string}`],
  vote: null,
  round,
  seals,
});

describe('QBFT commit seals', () => {
  it('recovers each signer of a seal over the committed-seal digest', async () => {
    const digest = committedSealDigest(block, extra([]));
    if (digest.kind !== 'computed') throw new Error(digest.reason);
    const seals = [
      await signCommitSeal(digest.value, key('v1')),
      await signCommitSeal(digest.value, key('v2')),
    ];
    expect(seals.every((s) => s.length === 2 + 130)).toBe(true);
    expect(await recoverCommitters(digest.value, seals)).toEqual({
      ok: true,
      committers: [
        privateKeyToAddress(key('v1')).toLowerCase(),
        privateKeyToAddress(key('v2')).toLowerCase(),
      ],
    });
  });

  it('signs a digest that ignores the seals but covers the round (Besu encodeWithoutCommitSeals)', () => {
    const a = committedSealDigest(block, extra([`0x${'ab'.repeat(65)}`]));
    const b = committedSealDigest(block, extra([]));
    const otherRound = committedSealDigest(block, extra([], 1));
    expect(a).toEqual(b);
    expect(otherRound).not.toEqual(b);
  });

  it('names a seal that is no signature', async () => {
    const recovered = await recoverCommitters(`0x${'01'.repeat(32)}`, [`0x${'00'.repeat(64)}05`]);
    expect(recovered).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^commit seal 0 is not a valid/),
    });
  });
});
