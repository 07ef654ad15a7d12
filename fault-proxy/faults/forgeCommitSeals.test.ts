import { describe, expect, it } from 'vitest';
import { committedSealDigest, recoverCommitters, signCommitSeal } from '#adapters/evm/qbftCommitSeals.ts';
import { decodeQbftExtraData, encodeQbftExtraData, type QbftExtraData } from '#adapters/evm/qbftExtraData.ts';
import type { BlockView } from '#core/adapter/ChainAdapter.ts';
import { addressOfKey, emulatedValidatorKeys, outsiderKey } from '../emulation/emulatedChainKeys.ts';
import { blockSealedByOutsider, commitSealsBelowQuorum } from './forgeCommitSeals.ts';

const keys = emulatedValidatorKeys(4);
const raw: Record<string, unknown> = {
  number: '0x7',
  hash: `0x${'11'.repeat(32)}`,
  parentHash: `0x${'22'.repeat(32)}`,
  sha3Uncles: `0x${'44'.repeat(32)}`,
  miner: addressOfKey(keys[0] as `0x${string}`),
  stateRoot: `0x${'66'.repeat(32)}`,
  transactionsRoot: `0x${'33'.repeat(32)}`,
  receiptsRoot: `0x${'77'.repeat(32)}`,
  logsBloom: `0x${'00'.repeat(256)}`,
  difficulty: '0x0',
  gasLimit: '0x1c9c380',
  gasUsed: '0x0',
  timestamp: '0x1',
  mixHash: `0x${'88'.repeat(32)}`,
  nonce: '0x0000000000000000',
  baseFeePerGas: '0x7',
};
const view = (block: Record<string, unknown>): BlockView => ({
  number: 7n,
  hash: block.hash as `0x${string}`,
  parentHash: block.parentHash as `0x${string}`,
  timestamp: 1n,
  txRoot: block.transactionsRoot as `0x${string}`,
  txIds: [],
  raw: block,
});

async function sealedBlock(): Promise<Record<string, unknown>> {
  const extra: QbftExtraData = {
    vanity: `0x${'00'.repeat(32)}`,
    validators: keys.map(addressOfKey),
    vote: null,
    round: 0,
    seals: [],
  };
  const digest = committedSealDigest(view({ ...raw, extraData: '0x' }), extra);
  if (digest.kind !== 'computed') throw new Error(digest.reason);
  const seals = await Promise.all(keys.map((k) => signCommitSeal(digest.value, k)));
  return { ...raw, extraData: encodeQbftExtraData({ ...extra, seals }) };
}

async function signersOf(block: Record<string, unknown>): Promise<readonly string[]> {
  const decoded = decodeQbftExtraData(block.extraData as `0x${string}`);
  if (!decoded.ok) throw new Error(decoded.problem);
  const digest = committedSealDigest(view(block), decoded.value);
  if (digest.kind !== 'computed') throw new Error(digest.reason);
  const recovered = await recoverCommitters(digest.value, decoded.value.seals);
  if (!recovered.ok) throw new Error(recovered.problem);
  return recovered.committers;
}

const request = { id: 1, method: 'eth_getBlockByNumber', params: ['0x7', false] };

describe('commit-seal faults', () => {
  it('block-sealed-by-outsider re-signs the last seal with a key outside the set, hash unchanged', async () => {
    const block = await sealedBlock();
    const forged = (await blockSealedByOutsider(request, { id: 1, result: block })).result as Record<
      string,
      unknown
    >;
    const signers = await signersOf(forged);
    expect(signers.slice(0, 3)).toEqual(keys.slice(0, 3).map(addressOfKey));
    expect(signers[3]).toBe(addressOfKey(outsiderKey));
    expect(forged.hash).toBe(block.hash);
  });

  it('commit-seals-below-quorum keeps 2 of 4 seals (quorum 3)', async () => {
    const block = await sealedBlock();
    const thinned = (await commitSealsBelowQuorum(request, { id: 1, result: block })).result as Record<
      string,
      unknown
    >;
    expect(await signersOf(thinned)).toEqual(keys.slice(0, 2).map(addressOfKey));
  });

  it('leaves genesis, blocks without QBFT extraData and other methods alone', async () => {
    const genesis = { id: 1, result: { ...raw, number: '0x0', extraData: '0x' } };
    expect(await blockSealedByOutsider(request, genesis)).toBe(genesis);
    const plain = { id: 1, result: { ...raw, extraData: '0x' } };
    expect(await commitSealsBelowQuorum(request, plain)).toBe(plain);
    const other = { id: 1, result: await sealedBlock() };
    expect(await blockSealedByOutsider({ id: 1, method: 'eth_getTransactionByHash' }, other)).toBe(other);
  });
});
