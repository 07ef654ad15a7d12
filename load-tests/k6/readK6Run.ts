import { ConfigError } from '#core/errors/ConfigError.ts';
import {
  lateSendThresholdMs,
  maxLateSendShare,
  maxP99SendLagMs,
  toleratedLateSends,
} from '../mergeShards.ts';
import type { K6ExportManifest } from './K6ExportManifestSchema.ts';
import type { K6Summary } from './parseK6Summary.ts';
import { k6MetricNames } from './renderK6Script.ts';

export const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

/** What every k6 import reads from a summary, whatever the scenario, and whether it may judge at all. */
export interface K6Run {
  readonly scheduled: number;
  readonly sent: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly acceptedPerS: number;
  /** Intended send → the node's (correct) answer, ms; percentiles are upper bounds when instances > 1. */
  readonly ack: Readonly<Record<string, number>> | undefined;
  readonly instances: number;
  readonly durationMs: number;
  /** The figures reported in each result's `actual`. */
  readonly measured: Record<string, unknown>;
  readonly evidence: Record<string, unknown>;
  /**
   * Why no verdict can be given: nothing or too little sent, or the generator's self-check (as
   * mergeShards applies it: > 1% of the schedule late (> 50 ms), dropped or never sent, or p99 send
   * lag > 100 ms): the chain never saw the scheduled load.
   */
  readonly inconclusive: string | undefined;
}

/**
 * The counts and the generator self-check of an exported script's summary. A summary with more sends
 * than its export holds, or sends without the send-lag metric, is not this export's: refused.
 */
export function readK6Run(summary: K6Summary, manifest: K6ExportManifest, unit: string): K6Run {
  const n = k6MetricNames;
  const count = (name: string) => summary.metrics.get(name)?.values.count ?? 0;
  const accepted = count(n.accepted);
  const rejected = count(n.rejected);
  const sent = accepted + rejected;
  const scheduled = manifest.transactions;
  if (!summary.metrics.has(n.sendLag) && sent > 0) {
    throw new ConfigError(
      `the k6 summary counts ${sent} sends but holds no ${n.sendLag}; it is not from an exported chaineval script`,
    );
  }
  if (sent > scheduled) {
    throw new ConfigError(
      `the k6 summary counts ${sent} sends, more than the ${scheduled} of export ${manifest.runId}; it is the summary of another export or of several runs`,
    );
  }
  const dropped = count(n.dropped);
  const late = count(n.lateSends);
  const unsent = scheduled - sent;
  const lag = summary.metrics.get(n.sendLag)?.values;
  const ack = summary.metrics.get(n.ackLatency)?.values;
  const checks = summary.metrics.get(n.checks)?.values;
  const instances = summary.instances ?? 1;
  const acceptedPerS = accepted / manifest.shape.durationS;
  const measured = {
    source: `k6 summary (${summary.shape})`,
    k6Instances: instances,
    offeredPerS: manifest.shape.rateTps,
    scheduled,
    sent,
    accepted,
    rejected,
    notSent: unsent,
    droppedIterations: dropped,
    lateSends: late,
    acceptedPerS: round(acceptedPerS),
    acceptRate: sent === 0 ? 0 : round(accepted / sent, 4),
    ...(ack?.['p(95)'] === undefined ? {} : { ackP95Ms: round(ack['p(95)']) }),
    ...(ack?.min === undefined ? {} : { ackMinMs: round(ack.min) }),
    ...(lag?.['p(99)'] === undefined ? {} : { sendLagP99Ms: round(lag['p(99)']) }),
    ...(checks === undefined ? {} : { checksFailed: checks.fails ?? 0, checksPassed: checks.passes ?? 0 }),
  };
  const evidence = {
    k6Thresholds: Object.fromEntries(
      [...summary.metrics].flatMap(([name, m]) =>
        Object.entries(m.thresholds).map(([expression, ok]) => [`${name}: ${expression}`, ok]),
      ),
    ),
    exportRunId: manifest.runId,
    corpusSha256: manifest.corpus.sha256,
  };
  const { loadMinTransactions } = manifest.thresholds;
  const lagP99 = lag?.['p(99)'];
  const behind = late + unsent;
  const inconclusive =
    sent === 0
      ? `inconclusive: the k6 run sent no ${unit}`
      : sent < loadMinTransactions
        ? `inconclusive: k6 sent ${sent} ${unit}(s), too few for a performance verdict; at least ${loadMinTransactions} are needed (loadMinTransactions)`
        : lagP99 === undefined
          ? `inconclusive: the summary lacks p(99) of ${n.sendLag}, so whether k6 kept the schedule is unknown (keep the script's summaryTrendStats)`
          : lagP99 > maxP99SendLagMs || behind > Math.max(toleratedLateSends, maxLateSendShare * scheduled)
            ? `inconclusive: k6 ${instances > 1 ? 'may have been' : 'was'} the bottleneck (p99 send lag ${instances > 1 ? 'up to ' : ''}${round(lagP99, 1)} ms, ${late} of ${scheduled} sends > ${lateSendThresholdMs} ms late, ${unsent} never sent of which ${dropped} dropped for want of a VU)`
            : undefined;
  return {
    scheduled,
    sent,
    accepted,
    rejected,
    acceptedPerS,
    ack,
    instances,
    durationMs: summary.testRunDurationMs ?? manifest.shape.durationS * 1_000,
    measured,
    evidence,
    inconclusive,
  };
}
