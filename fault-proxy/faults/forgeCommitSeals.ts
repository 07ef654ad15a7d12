import type { Hex } from 'viem';
import { committedSealDigest, signCommitSeal } from '#adapters/evm/qbftCommitSeals.ts';
import { decodeQbftExtraData, encodeQbftExtraData, type QbftExtraData } from '#adapters/evm/qbftExtraData.ts';
import type { BlockView } from '#core/adapter/ChainAdapter.ts';
import { outsiderKey } from '../emulation/emulatedChainKeys.ts';
import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';

const blockMethods = new Set(['eth_getBlockByNumber', 'eth_getBlockByHash']);

/** Applies `change` to the QBFT extraData of a served block (number ≥ 1 with seals); other answers pass. */
async function rewriteSeals(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  change: (extra: QbftExtraData, digest: Hex) => Promise<QbftExtraData | undefined>,
): Promise<JsonRpcResponse> {
  if (!blockMethods.has(request.method)) return response;
  const block = response.result;
  if (typeof block !== 'object' || block === null || Array.isArray(block)) return response;
  const raw = block as Record<string, unknown>;
  if (typeof raw.extraData !== 'string' || typeof raw.number !== 'string' || BigInt(raw.number) < 1n)
    return response;
  const decoded = decodeQbftExtraData(raw.extraData as Hex);
  if (!decoded.ok || decoded.value.seals.length === 0) return response;
  const view: BlockView = {
    number: BigInt(raw.number),
    hash: String(raw.hash) as Hex,
    parentHash: String(raw.parentHash) as Hex,
    timestamp: 0n,
    txRoot: String(raw.transactionsRoot) as Hex,
    txIds: [],
    raw,
  };
  const digest = committedSealDigest(view, decoded.value);
  if (digest.kind !== 'computed') return response;
  const changed = await change(decoded.value, digest.value);
  return changed ? { ...response, result: { ...raw, extraData: encodeQbftExtraData(changed) } } : response;
}

/**
 * block-sealed-by-outsider (CON-02; JR/T 0184-2020 11.2, 11.10): the last commit seal of every QBFT
 * block is replaced by a valid signature over the same committed-seal digest from a key outside the
 * validator set — a block whose quorum counted a node that is not a validator. The block hash is
 * unchanged (Besu's on-chain hash excludes the seals).
 */
export const blockSealedByOutsider = (request: JsonRpcRequest, response: JsonRpcResponse) =>
  rewriteSeals(request, response, async (extra, digest) => ({
    ...extra,
    seals: [...extra.seals.slice(0, -1), await signCommitSeal(digest, outsiderKey)],
  }));

/**
 * commit-seals-below-quorum (CON-02; JR/T 0184-2020 11.2, 11.10): QBFT blocks carry one commit seal
 * fewer than the quorum ⌈2n/3⌉ of the n validators their header lists — a block finalised without a
 * 2f + 1 agreement.
 */
export const commitSealsBelowQuorum = (request: JsonRpcRequest, response: JsonRpcResponse) =>
  rewriteSeals(request, response, async (extra) => {
    const n = extra.validators.length > 0 ? extra.validators.length : extra.seals.length;
    const keep = Math.max(Math.ceil((2 * n) / 3) - 1, 0);
    return extra.seals.length > keep ? { ...extra, seals: extra.seals.slice(0, keep) } : undefined;
  });
