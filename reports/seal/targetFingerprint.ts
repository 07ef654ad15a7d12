import type { TargetInfo } from '#core/adapter/TargetInfo.ts';
import { canonicalJson } from './canonicalJson.ts';
import { sha256Hex } from './sha256Hex.ts';

/**
 * `sha256:` of what identifies a chain, not how it was reached: family, chain id, genesis hash and
 * ledger scope. The same chain behind another endpoint, or after a client upgrade, is the same
 * target, so its sealed reports stay on one hash chain; a chain restarted from a new genesis is a
 * new target (an embedded anvil is one per run).
 */
export function targetFingerprint(target: TargetInfo): string {
  const identity = {
    family: target.family,
    chainId: target.chainId,
    genesisHash: target.genesisHash.toLowerCase(),
    ...(target.ledgerScope === undefined ? {} : { ledgerScope: target.ledgerScope }),
  };
  return `sha256:${sha256Hex(canonicalJson(identity))}`;
}
