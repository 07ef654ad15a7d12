import type { RunListing } from './RunListingSchema.ts';
import type { RunMeta } from './RunMetaSchema.ts';

/** The listing row of a run record. */
export function listingOfRun(meta: RunMeta): RunListing {
  return {
    runId: meta.runId,
    startedAt: meta.startedAt,
    status: meta.status,
    endpoint: meta.target.endpoint,
    chainId: meta.target.chainId,
    clientVersion: meta.target.clientVersion,
    profile: `${meta.plan.profile.id}@${meta.plan.profile.version}`,
  };
}
