import { keccak256, toHex } from 'viem';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { createSenderPool, type SenderPool } from './createSenderPool.ts';
import { countAbove } from './histogramCodec.ts';
import { loadClockMs } from './loadClock.ts';
import { isHarnessBottleneck, lateSendThresholdMs } from './mergeShards.ts';
import { presignTransfers } from './presignTransfers.ts';
import { constantArrivalRate } from './scenarios/constantArrivalRate.ts';
import { sendOnSchedule } from './sendOnSchedule.ts';
import { startNullSink } from './startNullSink.ts';

/** The rates `chaineval capacity` offers by default, tx/s, each for `durationS`. */
export const generatorCapacityRates = [1_000, 2_000, 5_000, 10_000, 15_000, 20_000] as const;

export interface GeneratorCapacityOptions {
  /** Rates offered in turn, rising, tx/s. */
  readonly rates: readonly number[];
  /** Seconds each rate is held. */
  readonly durationS: number;
  /** Sender worker threads (0: send from this thread). */
  readonly workers: number;
  readonly signal?: AbortSignal;
  readonly progress?: (line: string) => void;
}

export interface GeneratorRateResult {
  readonly offeredTps: number;
  readonly sent: number;
  readonly accepted: number;
  /** Acknowledged transactions / (first intended send → last acknowledgement). */
  readonly acceptedTps: number;
  readonly p99SendLagMs: number;
  readonly maxSendLagMs: number;
  /** Sends more than lateSendThresholdMs (50 ms) after their intended time. */
  readonly lateSends: number;
  /** CPU seconds of this process (every thread of it; the sink is another process) per 1,000 sends. */
  readonly cpuSPer1000Tx: number;
  /** The sink's CPU seconds per 1,000 sends: its share of the same cores. */
  readonly sinkCpuSPer1000Tx: number;
  /** mergeShards' self-check: ≤ 1% of sends late and p99 lag ≤ 100 ms. */
  readonly held: boolean;
}

export interface GeneratorCapacity {
  /** Where the sink ran, so no one wonders whether it shared the generator's event loop. */
  readonly sink: 'child process';
  /** Sender threads asked for, and where sends ran. */
  readonly workers: number;
  readonly sentFrom: 'worker threads' | 'this thread';
  readonly durationS: number;
  /** Transactions signed (once, before any rate) and the seconds signing took. */
  readonly corpus: { readonly transactions: number; readonly signingS: number };
  readonly rates: readonly GeneratorRateResult[];
  /** Highest offered rate the self-check held at; null when none did. */
  readonly capacityTps: number | null;
  /** Why the ladder stopped before its last rate, if it did. */
  readonly stoppedBy: string | null;
}

/** Transactions signed for the whole ladder (≈ 3 s of signing on two idle cores). */
const corpusMax = 10_000;
/** Senders the corpus is spread over (nonces are never checked by the sink; this only mimics a shard). */
const corpusSenders = 64;
/** Sends start this long after the corpus is ready, so the first ones are not late by construction. */
const leadInMs = 250;
/** Rate of the unjudged warm-up second before the first rate. */
const warmUpTps = 1_000;
/** Deadline of each request: the sink answers at once, so only a choked generator comes near it. */
const requestTimeoutMs = 30_000;

/**
 * `chaineval capacity` (issue 9 item 4): the harness's own ceiling on this machine, measured against
 * a null sink that acknowledges every transaction at once, so a user knows which offered rates the
 * generator can vouch for before trusting a figure. It drives the real path of a load run: a
 * pre-signed corpus from the EVM adapter's signing pool, sendOnSchedule (open model), and the EVM
 * transport and submit of adapters/evm; each rate is judged by the rule mergeShards applies to a run
 * (harness-bound when > 1% of sends are > 50 ms late or p99 lag > 100 ms). The corpus is signed
 * once (at most corpusMax transactions) and reused, cyclically within a rate and across rates: the
 * sink checks no nonce, and sending a signed transaction costs the same the second time.
 * Bounded: the ladder stops at the first rate that did not hold.
 */
export async function measureGeneratorCapacity(
  options: GeneratorCapacityOptions,
): Promise<GeneratorCapacity> {
  const { durationS } = options;
  if (options.rates.length === 0) throw new ConfigError('capacity needs at least one rate to offer');
  const largest = Math.max(...options.rates.map((rateTps) => Math.round(rateTps * durationS)));
  const progress = options.progress ?? (() => {});
  const sink = await startNullSink();
  let adapter: ChainAdapter | undefined;
  let pool: SenderPool | undefined;
  try {
    adapter = await createEvmAdapter({
      url: sink.url,
      // A throw-away key: the sink holds no funds and checks no signature.
      signer: { kind: 'local-key', privateKey: keccak256(toHex('chaineval-capacity-null-sink')) },
      timeoutMs: requestTimeoutMs,
    });
    if (options.workers > 0) {
      pool = await createSenderPool({
        threads: options.workers,
        target: { url: sink.url, timeoutMs: requestTimeoutMs, maxResponseBytes: 1 << 20 },
      });
      progress(
        `[capacity] sending from ${pool.threads} ${pool.mode === 'worker threads' ? 'worker thread(s)' : 'thread (worker threads unavailable)'}`,
      );
    }
    const { identities, transactions, accounts } = adapter;
    // The EVM adapter has all three; a missing one is a harness bug, not the operator's.
    if (!identities || !transactions || !accounts) throw new Error('the EVM adapter cannot sign or submit');
    const senders = identities.derive('chaineval-capacity', corpusSenders);
    const signed = Math.max(1, Math.min(largest, corpusMax));
    const schedule = constantArrivalRate({ rateTps: signed, durationS: 1 }, 0, 1);
    progress(`[capacity] signing ${signed.toLocaleString('en-US')} transactions (untimed) …`);
    const signStart = loadClockMs();
    const corpus = await presignTransfers({ transactions, accounts }, senders, senders[0]!.address, schedule);
    const signingS = (loadClockMs() - signStart) / 1_000;
    /** One rate held for `seconds`, measured: the sends of the corpus re-timed to that rate. */
    const offer = async (rateTps: number, seconds: number) => {
      const offsets = constantArrivalRate({ rateTps, durationS: seconds }, 0, 1);
      const items = offsets.map((s, i) => ({ ...corpus[i % corpus.length]!, offsetMs: s.offsetMs }));
      const sinkCpu0 = await sink.cpuSeconds();
      const cpu0 = process.cpuUsage();
      const startMs = loadClockMs() + leadInMs;
      let lastAnswerAtMs = startMs;
      const sendOptions = {
        startMs,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        onOutcome: (_: unknown, __: unknown, answeredAtMs: number) => {
          lastAnswerAtMs = Math.max(lastAnswerAtMs, answeredAtMs);
        },
      };
      const report = pool
        ? await pool.send(items, sendOptions)
        : await sendOnSchedule((t) => transactions.submit(t.signed), items, sendOptions);
      const cpu = process.cpuUsage(cpu0);
      const sinkCpuS = (await sink.cpuSeconds()) - sinkCpu0;
      const lagUs = report.sendLag;
      const p99SendLagMs = lagUs.totalCount === 0 ? 0 : lagUs.getValueAtPercentile(99) / 1_000;
      const lateSends = countAbove(lagUs, lateSendThresholdMs * 1_000);
      const held =
        report.sent > 0 &&
        report.accepted === report.sent &&
        !isHarnessBottleneck(report.sent, lateSends, p99SendLagMs);
      const spanS = Math.max(seconds, (lastAnswerAtMs - startMs) / 1_000);
      const result: GeneratorRateResult = {
        offeredTps: rateTps,
        sent: report.sent,
        accepted: report.accepted,
        acceptedTps: report.accepted / spanS,
        p99SendLagMs,
        maxSendLagMs: lagUs.totalCount === 0 ? 0 : lagUs.maxValue / 1_000,
        lateSends,
        cpuSPer1000Tx: report.sent === 0 ? 0 : ((cpu.user + cpu.system) / 1e6 / report.sent) * 1_000,
        sinkCpuSPer1000Tx: report.sent === 0 ? 0 : (sinkCpuS / report.sent) * 1_000,
        held,
      };
      return { result, rejection: report.rejections[0] };
    };
    // Warm-up, not judged: opens the kept-alive connections and lets the JIT compile the send path,
    // so the first rate measures the generator's steady state, not its first second.
    await offer(Math.min(options.rates[0]!, warmUpTps), 1);
    const rates: GeneratorRateResult[] = [];
    let stoppedBy: string | null = null;
    for (const rateTps of options.rates) {
      if (options.signal?.aborted) {
        stoppedBy = 'interrupted';
        break;
      }
      const { result, rejection } = await offer(rateTps, durationS);
      if (options.signal?.aborted) {
        // A rate cut short by the interruption measured nothing: it is left out, not failed.
        stoppedBy = 'interrupted';
        break;
      }
      const { p99SendLagMs, lateSends, held } = result;
      rates.push(result);
      progress(
        `[capacity] ${rateTps.toLocaleString('en-US')} tx/s: ${Math.round(result.acceptedTps).toLocaleString('en-US')} accepted/s, p99 lag ${p99SendLagMs.toFixed(1)} ms, ${lateSends} late, ${held ? 'held' : 'did not hold'}`,
      );
      if (!held) {
        stoppedBy =
          result.accepted < result.sent
            ? `${rateTps} tx/s: ${result.sent - result.accepted} of ${result.sent} sends not acknowledged (${rejection ?? 'no message'})`
            : `${rateTps} tx/s: ${lateSends} of ${result.sent} sends > ${lateSendThresholdMs} ms late, p99 lag ${p99SendLagMs.toFixed(1)} ms`;
        break;
      }
    }
    const heldRates = rates.filter((r) => r.held).map((r) => r.offeredTps);
    return {
      sink: 'child process',
      workers: options.workers,
      sentFrom: pool?.mode ?? 'this thread',
      durationS,
      corpus: { transactions: corpus.length, signingS },
      rates,
      capacityTps: heldRates.length === 0 ? null : Math.max(...heldRates),
      stoppedBy,
    };
  } finally {
    await pool?.close();
    await adapter?.close();
    await sink.stop();
  }
}
