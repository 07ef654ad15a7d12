/**
 * Body of a sender worker thread (createSenderPool.ts): owns one EVM transport (its own kept-alive
 * socket pool) and sends its slice of a run's pre-signed transactions on the run's shared schedule
 * with sendOnSchedule, so the open model, the in-flight bound and the send-lag histogram are the
 * ones of an on-thread run. Answers go back to the main thread in batches (at most every
 * `flushMs` or `flushCount` answers), each with the time it came. No keys travel here: only signed
 * bytes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  createJsonRpcTransport,
  type JsonRpcTransportOptions,
} from '#adapters/evm/createJsonRpcTransport.ts';
import type { Hex, SubmitOutcome } from '#core/adapter/ChainAdapter.ts';
import { createRawSubmitter } from './createRawSubmitter.ts';
import { encodeHistogram } from './histogramCodec.ts';
import { sendOnSchedule } from './sendOnSchedule.ts';

/** What the main thread sends: a run, or the interruption of the current one. */
export type SenderJob =
  | {
      readonly kind: 'run';
      readonly runId: number;
      readonly startMs: number;
      readonly maxInFlight: number;
      /** Positions of this worker's items in the run's item list, with their due offsets and bytes. */
      readonly positions: readonly number[];
      readonly offsetsMs: readonly number[];
      readonly raws: readonly Hex[];
    }
  | { readonly kind: 'abort'; readonly runId: number };

/** A rejected answer as it travels (an accepted one travels as its transaction id alone). */
export type RejectedAnswer = Extract<SubmitOutcome, { accepted: false }>;

/**
 * What a worker answers: ready once, then batches of outcomes and one summary per run (counts of
 * answers and the rejection messages are the main thread's, from the batches).
 */
export type SenderMessage =
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'outcomes';
      readonly runId: number;
      readonly positions: number[];
      readonly answers: (string | RejectedAnswer)[];
      readonly answeredAtMs: number[];
    }
  | {
      readonly kind: 'done';
      readonly runId: number;
      readonly sent: number;
      readonly lastSendAtMs: number;
      readonly sendLag: string;
      readonly error?: string;
    };

export interface SenderWorkerData {
  readonly module: string;
  readonly target: JsonRpcTransportOptions;
}

const flushMs = 20;
const flushCount = 512;

const { target } = workerData as SenderWorkerData;
const submit = createRawSubmitter(createJsonRpcTransport(target));
const aborts = new Map<number, AbortController>();

async function run(job: Extract<SenderJob, { kind: 'run' }>): Promise<void> {
  const abort = new AbortController();
  aborts.set(job.runId, abort);
  let positions: number[] = [];
  let answers: (string | RejectedAnswer)[] = [];
  let answeredAtMs: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (positions.length === 0) return;
    parentPort?.postMessage({
      kind: 'outcomes',
      runId: job.runId,
      positions,
      answers,
      answeredAtMs,
    } satisfies SenderMessage);
    positions = [];
    answers = [];
    answeredAtMs = [];
  };
  const items = job.positions.map((position, i) => ({
    position,
    offsetMs: job.offsetsMs[i]!,
    raw: job.raws[i]!,
    txId: String(position),
  }));
  try {
    const report = await sendOnSchedule((item) => submit(item.raw), items, {
      startMs: job.startMs,
      maxInFlight: job.maxInFlight,
      signal: abort.signal,
      onOutcome: (item, outcome, atMs) => {
        positions.push(item.position);
        answers.push(outcome.accepted ? outcome.txId : outcome);
        answeredAtMs.push(atMs);
        if (positions.length >= flushCount) flush();
        else timer ??= setTimeout(flush, flushMs);
      },
    });
    flush();
    parentPort?.postMessage({
      kind: 'done',
      runId: job.runId,
      sent: report.sent,
      lastSendAtMs: report.lastSendAtMs,
      sendLag: encodeHistogram(report.sendLag),
    } satisfies SenderMessage);
  } catch (error) {
    flush();
    parentPort?.postMessage({
      kind: 'done',
      runId: job.runId,
      sent: 0,
      lastSendAtMs: job.startMs,
      sendLag: '',
      error: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
    } satisfies SenderMessage);
  } finally {
    aborts.delete(job.runId);
  }
}

parentPort?.on('message', (job: SenderJob) => {
  if (job.kind === 'abort') aborts.get(job.runId)?.abort();
  else void run(job);
});
parentPort?.postMessage({ kind: 'ready' } satisfies SenderMessage);
