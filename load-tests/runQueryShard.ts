import type { Hex, SubmitOutcome } from '#core/adapter/ChainAdapter.ts';
import type { ShardContext } from '#core/checks/defineLoadScenario.ts';
import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import { createSeriesRecorder } from './createSeriesRecorder.ts';
import { encodeHistogram, newHistogram } from './histogramCodec.ts';
import { loadClockMs } from './loadClock.ts';
import { loadMinTransactions } from './parameters/loadMinTransactions.ts';
import { loadSuccessRateMin } from './parameters/loadSuccessRateMin.ts';
import { queryDurationS } from './parameters/queryDurationS.ts';
import { queryLatencyP95MaxMs } from './parameters/queryLatencyP95MaxMs.ts';
import { queryRateRps } from './parameters/queryRateRps.ts';
import { constantArrivalRate } from './scenarios/constantArrivalRate.ts';
import { sendOnSchedule } from './sendOnSchedule.ts';
import { encodeShardSeries } from './shardSeriesCodec.ts';

export const queryScenarioName = 'query-constant-rate';

export const queryLoadParameters = [
  queryRateRps,
  queryDurationS,
  queryLatencyP95MaxMs,
  loadSuccessRateMin,
  loadMinTransactions,
] as const;

export const queryLoadRequires = ['account.balance', 'rpc.jsonrpc', 'block.read'] as const;

export type QueryShardContext = ShardContext<(typeof queryLoadRequires)[number], typeof queryLoadParameters>;

/**
 * The EVM identity precompile (address 4, Yellow Paper appendix E): returns its input. Every EVM
 * node executes it, no contract needs deploying, and the harness knows each answer exactly.
 */
export const identityPrecompile = '0x0000000000000000000000000000000000000004';

interface Query {
  readonly index: number;
  readonly offsetMs: number;
  readonly txId: string;
}

/** The 32-byte word query `index` sends to the identity precompile and must get back. */
export function queryPayload(index: number): Hex {
  return `0x${index.toString(16).padStart(64, '0')}`;
}

const wrong = (message: string): SubmitOutcome => ({
  accepted: false,
  error: { code: 'wrong-answer', message },
});

/**
 * One shard of the read workload (JR/T 0193 7.2): eth_call and balance reads alternate at a
 * constant arrival rate from the plan's common start time, each answer checked against what it
 * must be (cheaply: a string comparison). The shard result uses the transfer fields: `accepted` and
 * `committed` count correct answers, `rejected` refused or wrong ones, and the latency histogram
 * holds intended send → correct answer, so mergeShards applies unchanged.
 */
export async function runQueryShard(ctx: QueryShardContext): Promise<LoadShardResult> {
  const { params, adapter } = ctx;
  const schedule: Query[] = constantArrivalRate(
    { rateTps: params.queryRateRps, durationS: params.queryDurationS },
    ctx.shardIndex,
    ctx.shardCount,
  ).map((s) => ({ ...s, txId: `query-${s.index}` }));
  // The shard's own identity: funded once by the plan and never spent from, so its balance is fixed.
  const subject = ctx.senders[0]!.address;
  const balance = await adapter.accounts.getBalance(subject);
  const startMs = ctx.startAtMs;
  const latency = newHistogram();
  const series = createSeriesRecorder(startMs);
  let answered = 0;
  let lastAnswerAtMs = startMs;

  async function ask(query: Query): Promise<SubmitOutcome> {
    if (query.index % 2 === 0) {
      const got = await adapter.accounts.getBalance(subject);
      return got === balance
        ? { accepted: true, txId: query.txId }
        : wrong(`eth_getBalance(${subject}) answered ${got}, but the balance is ${balance}`);
    }
    const data = queryPayload(query.index);
    const answer = await adapter.rpc.request('eth_call', [{ to: identityPrecompile, data }, 'latest']);
    if (answer.kind !== 'result') {
      return answer.kind === 'error'
        ? { accepted: false, error: answer.error }
        : wrong(`eth_call answered HTTP ${answer.httpStatus}`);
    }
    return typeof answer.result === 'string' && answer.result.toLowerCase() === data
      ? { accepted: true, txId: query.txId }
      : wrong(`eth_call of the identity precompile with ${data} answered ${JSON.stringify(answer.result)}`);
  }

  const sends = await sendOnSchedule(ask, schedule, {
    startMs,
    signal: ctx.signal,
    onOutcome: (query, outcome) => {
      const dueMs = startMs + query.offsetMs;
      series.offer(dueMs, outcome.accepted);
      if (!outcome.accepted) return;
      const atMs = loadClockMs();
      answered += 1;
      lastAnswerAtMs = Math.max(lastAnswerAtMs, atMs);
      const us = Math.max(0, Math.round((atMs - dueMs) * 1_000));
      latency.recordValue(us);
      series.commit(atMs, us);
    },
  });
  const firstSendAtMs = startMs + (schedule[0]?.offsetMs ?? 0);
  ctx.progress(
    `[load] query shard ${ctx.shardIndex + 1}/${ctx.shardCount}: ${sends.sent} sent, ${answered} answered correctly`,
  );
  return {
    scenario: queryScenarioName,
    shardIndex: ctx.shardIndex,
    shardCount: ctx.shardCount,
    rateTps: params.queryRateRps,
    durationS: params.queryDurationS,
    sent: sends.sent,
    accepted: sends.accepted,
    rejected: sends.rejected,
    committed: answered,
    lost: 0,
    firstSendAtMs,
    lastInclusionAtMs: answered > 0 ? lastAnswerAtMs : firstSendAtMs,
    lastSendAtMs: sends.lastSendAtMs,
    latencyHistogram: encodeHistogram(latency),
    sendLagHistogram: encodeHistogram(sends.sendLag),
    rejections: [...sends.rejections],
    series: encodeShardSeries(series.series()),
  };
}
