import type { TargetInfo } from '#core/adapter/TargetInfo.ts';
import { TargetError } from '#core/errors/TargetError.ts';

/**
 * Fingerprints the target again once the run's steps are done and says why the run cannot stand
 * when the target is no longer the chain it started on (bad-input corpus, "chain id changes
 * mid-run"): its results may then mix two chains, so the run ends incomplete. A target that no
 * longer answers is not a change: the steps that needed it have already said so.
 */
export async function describeTargetChange(
  before: TargetInfo,
  connectAgain: () => Promise<{ readonly info: TargetInfo; close(): Promise<void> }>,
): Promise<string | undefined> {
  let after: TargetInfo;
  try {
    const again = await connectAgain();
    after = again.info;
    await again.close();
  } catch (error) {
    if (error instanceof TargetError) return undefined;
    throw error;
  }
  if (after.chainId !== before.chainId) {
    return `the target's chain id changed during the run (${before.chainId} at the start, ${after.chainId} at the end), so its results may mix two chains; evaluate an endpoint that stays on one chain`;
  }
  if (after.genesisHash !== before.genesisHash) {
    return `the target's genesis block changed during the run (${before.genesisHash} at the start, ${after.genesisHash} at the end), so its results may mix two chains; evaluate an endpoint that stays on one chain`;
  }
  return undefined;
}
