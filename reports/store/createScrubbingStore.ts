import { scrubDeep } from '#core/security/scrubDeep.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';

/**
 * A store that masks secrets (core/security/createSecretScrubber.ts) in everything written to it, so
 * a target URL's credentials that reached a result through some library's error text never land in
 * DynamoDB, the journal or the report files built from them.
 */
export function createScrubbingStore<S extends ResultStore>(store: S, scrub: (text: string) => string): S {
  return {
    ...store,
    putRun: (meta) => store.putRun(scrubDeep(meta, scrub)),
    putResult: (runId, result) => store.putResult(runId, scrubDeep(result, scrub)),
    putLoadShard: (runId, shard) => store.putLoadShard(runId, scrubDeep(shard, scrub)),
    putReport: (report) => store.putReport(scrubDeep(report, scrub)),
  };
}
