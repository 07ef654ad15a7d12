import type { Histogram } from 'hdr-histogram-js';
import type { SubmitOutcome } from '#core/adapter/ChainAdapter.ts';
import { newHistogram } from './histogramCodec.ts';
import { loadClockMs } from './loadClock.ts';

/** What the sender needs of an item: when it is due, and an id for the evidence. */
export interface ScheduledItem {
  readonly offsetMs: number;
  readonly txId: string;
}

export interface SendOnScheduleOptions<T extends ScheduledItem = ScheduledItem> {
  /** Epoch ms of the scenario's start; transfer `i` is due at `startMs + offsetMs`. */
  readonly startMs: number;
  /**
   * Submissions awaiting an answer at once; reaching it delays sends, which the lag histogram shows.
   * Above the transport's socket bound (adapters/evm: 512) submissions wait for a connection inside
   * the transport: a chain slow to acknowledge then shows as latency (from the intended send time),
   * not as a late harness. @default 4096
   */
  readonly maxInFlight?: number;
  /**
   * Called with every answer, e.g. so the block watcher stops waiting for rejected transactions.
   * `answeredAtMs` is when the answer came (epoch ms, loadClock): the ack latency from the intended
   * send time, exact even where answers reach this thread in batches (createSenderPool.ts).
   */
  readonly onOutcome?: (transfer: T, outcome: SubmitOutcome, answeredAtMs: number) => void;
  /** Stops sending (those in flight still get their answers) when the run is interrupted. */
  readonly signal?: AbortSignal;
  readonly now?: () => number;
}

export interface SendReport {
  readonly sent: number;
  readonly accepted: number;
  readonly rejected: number;
  /** First few rejection messages, as evidence. */
  readonly rejections: readonly string[];
  /** Epoch ms of the last actual send. */
  readonly lastSendAtMs: number;
  /** Actual − intended send time, µs: the generator's check on itself. */
  readonly sendLag: Histogram;
}

const maxRejectionMessages = 20;

/**
 * Open-model sender (k6 arrival-rate executors): each pre-signed transfer is submitted at its due time
 * without waiting for earlier answers, so a slow chain cannot slow the offered load and hide its own
 * latency (no coordinated omission). A submission that throws (transport fault) counts as rejected.
 * Items are pre-signed transfers or reads (runQueryShard.ts): anything with a due time and an id.
 */
export async function sendOnSchedule<T extends ScheduledItem>(
  submit: (transfer: T) => Promise<SubmitOutcome>,
  transfers: readonly T[],
  options: SendOnScheduleOptions<T>,
): Promise<SendReport> {
  const now = options.now ?? loadClockMs;
  const maxInFlight = options.maxInFlight ?? 4_096;
  const sendLag = newHistogram();
  const rejections: string[] = [];
  // A counter and one waiter, not Promise.race over the pending set: racing 512 promises per send
  // attached 512 reactions each time, and at saturation that quadratic work (runMicrotasks and GC
  // were a fifth of the harness's CPU in the profile) made the harness fall behind its own schedule.
  let inFlight = 0;
  let slotFreed: (() => void) | undefined;
  let drained: (() => void) | undefined;
  /** An onOutcome callback that threw: rethrown once every answer is in, as Promise.all did. */
  let callbackError: { readonly error: unknown } | undefined;
  let accepted = 0;
  let rejected = 0;
  let lastSendAtMs = options.startMs;

  const record = (transfer: T, outcome: SubmitOutcome): void => {
    if (outcome.accepted) accepted += 1;
    else {
      rejected += 1;
      if (rejections.length < maxRejectionMessages)
        rejections.push(`${transfer.txId}: ${outcome.error.code} ${outcome.error.message}`);
    }
    options.onOutcome?.(transfer, outcome, now());
  };

  /** Records an answer and frees its slot; a throwing onOutcome is kept for the end. */
  const settle = (transfer: T, outcome: SubmitOutcome): void => {
    try {
      record(transfer, outcome);
    } catch (error) {
      callbackError ??= { error };
    }
    inFlight -= 1;
    const wake = slotFreed;
    slotFreed = undefined;
    wake?.();
    if (inFlight === 0) drained?.();
  };

  let sent = 0;
  for (const transfer of transfers) {
    if (options.signal?.aborted) break;
    const dueMs = options.startMs + transfer.offsetMs;
    const waitMs = dueMs - now();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    if (options.signal?.aborted) break;
    sent += 1;
    while (inFlight >= maxInFlight)
      await new Promise<void>((resolve) => {
        slotFreed = resolve;
      });
    lastSendAtMs = now();
    sendLag.recordValue(Math.max(0, Math.round((lastSendAtMs - dueMs) * 1_000)));
    inFlight += 1;
    // One reaction per send (not then/catch/finally: three promises more per transaction, which
    // the garbage collector felt at 10k tx/s).
    submit(transfer).then(
      (outcome) => settle(transfer, outcome),
      (error: unknown) =>
        settle(transfer, {
          accepted: false,
          error: {
            code: -1,
            message: `transport: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
          },
        }),
    );
  }
  if (inFlight > 0)
    await new Promise<void>((resolve) => {
      drained = resolve;
    });
  if (callbackError) throw callbackError.error;
  return { sent, accepted, rejected, rejections, lastSendAtMs, sendLag };
}
