import { type Hex, keccak256, numberToHex, recoverAddress } from 'viem';
import { sign } from 'viem/accounts';
import type { BlockView, Recomputation } from '#core/adapter/ChainAdapter.ts';
import { encodeQbftExtraData, type QbftExtraData } from './qbftExtraData.ts';
import { recomputeBlockHash } from './recomputeBlockHash.ts';

/**
 * What QBFT commit seals sign: keccak256 of the RLP header whose extraData is re-encoded without
 * the seals, the round kept (hyperledger/besu BftBlockHashing.calculateDataHashForCommittedSeal).
 * The header fields are the node's own, encoded exactly as for the block hash (recomputeBlockHash).
 */
export function committedSealDigest(block: BlockView, extra: QbftExtraData): Recomputation {
  const bare = encodeQbftExtraData(extra, { withoutSeals: true });
  return recomputeBlockHash({ ...block, raw: { ...block.raw, extraData: bare } }, keccak256);
}

export type CommitterRecovery =
  | { readonly ok: true; readonly committers: readonly string[] }
  | { readonly ok: false; readonly problem: string };

/** The signer of each seal over `digest` (Besu recoverCommitterAddresses), lower-case, in seal order. */
export async function recoverCommitters(digest: Hex, seals: readonly Hex[]): Promise<CommitterRecovery> {
  const committers: string[] = [];
  for (const [index, seal] of seals.entries()) {
    try {
      committers.push((await recoverAddress({ hash: digest, signature: seal })).toLowerCase());
    } catch (error) {
      return {
        ok: false,
        problem: `commit seal ${index} is not a valid secp256k1 signature (${(error as Error).message.split('\n')[0]})`,
      };
    }
  }
  return { ok: true, committers };
}

/** A commit seal by `privateKey` over `digest`, encoded as Besu does: r ‖ s ‖ recovery id (0 or 1). */
export async function signCommitSeal(digest: Hex, privateKey: Hex): Promise<Hex> {
  const { r, s, yParity, v } = await sign({ hash: digest, privateKey, to: 'object' });
  const recoveryId = yParity ?? (v === 28n ? 1 : 0);
  const word = (h: Hex) => h.slice(2).padStart(64, '0');
  return `0x${word(r)}${word(s)}${numberToHex(recoveryId, { size: 1 }).slice(2)}`;
}
