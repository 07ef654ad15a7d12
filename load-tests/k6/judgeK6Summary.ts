import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { transferLoadChecks } from '../transferLoadChecks.ts';
import type { K6TransferManifest } from './K6ExportManifestSchema.ts';
import type { K6Summary } from './parseK6Summary.ts';
import type { CorpusCommits } from './readCorpusCommits.ts';
import { readK6Run, round } from './readK6Run.ts';

/** Why a k6 summary alone decides less than chaineval's own load: the two things k6 cannot see. */
export const k6Blindness =
  'k6 sees RPC acknowledgements, not blocks: committed TPS, commit success and inclusion latency need the on-chain view chaineval evaluate measures';

/**
 * The transfer scenario's verdicts (PERF-01, PERF-02) from k6's end-of-test summary of an exported
 * script. k6 measures acknowledgement (eth_sendRawTransaction answered with the hash) from the
 * intended send time, not inclusion. What that decides, and nothing more:
 * - the generator's self-check (readK6Run, the rule mergeShards applies): sends > 50 ms late (plus
 *   iterations k6 dropped or never started, which are infinitely late) over 1% of the schedule, or p99
 *   send lag > 100 ms → both inconclusive: the chain never saw the scheduled load;
 * - PERF-01 fails when accepted / sent < loadSuccessRateMin: committed ⊆ accepted, so the commit
 *   success rate is lower still. Otherwise inconclusive: a node may accept and never commit.
 * - PERF-02 fails only when every accepted transaction's acknowledgement came later than
 *   loadLatencyP95MaxMs (k6's min of the ack trend): inclusion follows acknowledgement, so each
 *   committed one is later still. A high ack p95 alone does not decide it (the slow ones may be the
 *   ones never committed), so it stays inconclusive with the ack figures stated.
 * - With `commits` (receipts chaineval itself read back at import, `--target`), PERF-01 also fails
 *   when fewer were committed by then than loadSuccessRateMin allows: acknowledged, never committed.
 *   Read after the fact they count late commits too, so they can fail the check, never pass it.
 * Never a pass: passing either needs inclusion within the run's window, which neither carries.
 */
export function judgeK6Summary(
  summary: K6Summary,
  manifest: K6TransferManifest,
  startedAt: string,
  commits?: CorpusCommits,
): [CheckResult, CheckResult] {
  const run = readK6Run(summary, manifest, 'transaction');
  const { sent, accepted, rejected, ack, instances } = run;
  const { loadSuccessRateMin, loadLatencyP95MaxMs } = manifest.thresholds;
  const acceptedTps = run.acceptedPerS;
  const measured = {
    ...run.measured,
    ...(commits === undefined
      ? {}
      : {
          committedByImport: commits.committed,
          revertedByImport: commits.reverted,
          receiptsReadAt: commits.readAt,
        }),
  };
  const base = {
    kind: 'load' as const,
    startedAt,
    durationMs: run.durationMs,
    actual: measured,
    evidence: run.evidence,
  };
  const throughputId = transferLoadChecks.throughput.id;
  const latencyId = transferLoadChecks.latency.id;
  if (run.inconclusive !== undefined) {
    return [
      { ...base, checkId: throughputId, status: 'error', summary: run.inconclusive },
      { ...base, checkId: latencyId, status: 'error', summary: run.inconclusive },
    ];
  }

  const acceptRate = accepted / sent;
  // Commits read at import count however late they came: at least what chaineval's drain window would
  // see, so a share below the bound fails the check and one above it proves nothing.
  const committedShare = commits === undefined ? undefined : Math.min(commits.committed, sent) / sent;
  const committedNote =
    commits === undefined
      ? ''
      : `, ${commits.committed} committed by the time of import (receipts read by chaineval)`;
  const figures = `${round(acceptedTps, 2)} tx/s accepted at ${manifest.shape.rateTps} tx/s offered, ${accepted}/${sent} accepted${committedNote}`;
  const throughput: CheckResult =
    committedShare !== undefined && acceptRate >= loadSuccessRateMin && committedShare < loadSuccessRateMin
      ? {
          ...base,
          checkId: throughputId,
          status: 'fail',
          summary: `only ${commits?.committed} of ${sent} sent transactions were committed even by the time of import (${round(committedShare * 100, 1)}% < ${round(loadSuccessRateMin * 100, 1)}%; receipts read by chaineval at ${commits?.readAt}), though ${accepted} were accepted: acknowledged, never committed`,
          expected: { successRateMin: loadSuccessRateMin },
        }
      : acceptRate < loadSuccessRateMin
        ? {
            ...base,
            checkId: throughputId,
            status: 'fail',
            summary: `only ${round(acceptRate * 100, 1)}% of sent transactions were accepted (${rejected} rejected) < ${round(loadSuccessRateMin * 100, 1)}%; committed ≤ accepted, so the commit success rate is lower still (k6 summary)`,
            expected: { successRateMin: loadSuccessRateMin },
          }
        : {
            ...base,
            checkId: throughputId,
            status: 'error',
            summary: `inconclusive: ${figures} (k6 summary); ${k6Blindness}`,
          };

  const ackP95 = ack?.['p(95)'];
  const ackMin = ack?.min;
  const latency: CheckResult =
    ackMin !== undefined && accepted > 0 && ackMin > loadLatencyP95MaxMs
      ? {
          ...base,
          checkId: latencyId,
          status: 'fail',
          summary: `every accepted transaction was acknowledged later than ${loadLatencyP95MaxMs} ms after its intended send (fastest ${round(ackMin, 1)} ms); inclusion comes after acknowledgement, so p95 inclusion latency exceeds the bound (k6 summary)`,
          expected: { p95MsMax: loadLatencyP95MaxMs },
        }
      : {
          ...base,
          checkId: latencyId,
          status: 'error',
          summary:
            ackP95 === undefined
              ? `inconclusive: no transaction was acknowledged, so k6 measured no latency; ${k6Blindness}`
              : `inconclusive: acknowledgement p95 ${instances > 1 ? 'at most ' : ''}${round(ackP95, 1)} ms ${ackP95 <= loadLatencyP95MaxMs ? '≤' : '>'} ${loadLatencyP95MaxMs} ms from the intended send (k6 summary${instances > 1 ? ` of ${instances} instances` : ''}); inclusion latency is not in it: ${k6Blindness}`,
        };
  return [throughput, latency];
}
