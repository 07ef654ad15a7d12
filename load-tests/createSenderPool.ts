import { Worker } from 'node:worker_threads';
import {
  createJsonRpcTransport,
  type JsonRpcTransportOptions,
} from '#adapters/evm/createJsonRpcTransport.ts';
import type { Hex, SubmitOutcome } from '#core/adapter/ChainAdapter.ts';
import { createRawSubmitter } from './createRawSubmitter.ts';
import { decodeHistogram, newHistogram } from './histogramCodec.ts';
import type { SenderJob, SenderMessage, SenderWorkerData } from './senderWorker.ts';
import {
  type ScheduledItem,
  type SendOnScheduleOptions,
  type SendReport,
  sendOnSchedule,
} from './sendOnSchedule.ts';

/** An item a sender thread can send: due time, id, and the signed bytes (no key). */
export interface RawScheduledItem extends ScheduledItem {
  readonly signed: { readonly raw: Hex };
}

export interface SenderPoolOptions {
  /** Sender threads; each owns a transport with its share of `target.maxSockets` (default 512). */
  readonly threads: number;
  /** The endpoint every thread sends to (the full URL: credentials stay in this process). */
  readonly target: JsonRpcTransportOptions;
  /** Bound on the threads' start (tsx and the transport load in each). @default 30_000 */
  readonly startTimeoutMs?: number;
}

export interface SenderPool {
  /** Where sends run: worker threads, or this thread when worker files cannot be loaded (bundled). */
  readonly mode: 'worker threads' | 'this thread';
  readonly threads: number;
  /**
   * sendOnSchedule over the pool: item i goes to thread i mod threads, all on the same schedule;
   * onOutcome is called on this thread for every item (answers arrive in batches, each with the
   * time it came as `answeredAtMs`) and the report is the threads' merged exactly (HDR add).
   * One run at a time.
   */
  send<T extends RawScheduledItem>(
    items: readonly T[],
    options: SendOnScheduleOptions<T>,
  ): Promise<SendReport>;
  close(): Promise<void>;
}

const bootUrl = new URL('../adapters/evm/signingWorkerBoot.mjs', import.meta.url);
const bodyUrl = new URL('./senderWorker.ts', import.meta.url);
const maxRejectionMessages = 20;

/**
 * Sending from worker threads (issue 9 item 2): node:http and the garbage collector are most of a
 * send's cost, and on one thread they compete with everything else the main thread does in a run
 * (block watcher, series); threads that each own a socket pool and a slice of the corpus spread that
 * work over the cores, while this thread only hears the answers. Against the null sink on two idle
 * cores (`chaineval capacity`, 30 Nov 2026) two threads held 15,000–20,000 tx/s, the main thread
 * alone 15,000. Where the worker file cannot be loaded (a bundled Lambda has none; see
 * adapters/evm/createSigningPool.ts) it sends on this thread: the same sendOnSchedule, one transport.
 */
export async function createSenderPool(options: SenderPoolOptions): Promise<SenderPool> {
  const threads = Math.max(1, Math.floor(options.threads));
  const sockets = Math.max(1, Math.ceil((options.target.maxSockets ?? 512) / threads));
  const workers: Worker[] = [];
  try {
    for (let w = 0; w < threads; w++)
      workers.push(
        new Worker(bootUrl, {
          workerData: {
            module: bodyUrl.href,
            target: { ...options.target, maxSockets: sockets },
          } satisfies SenderWorkerData,
        }),
      );
  } catch {
    await Promise.all(workers.map((w) => w.terminate()));
    return onThisThread(options.target);
  }
  let listener: ((worker: number, message: SenderMessage) => void) | undefined;
  let failure: ((error: Error) => void) | undefined;
  const ready = workers.map(
    (worker, w) =>
      new Promise<void>((resolve, reject) => {
        worker.on('message', (m: SenderMessage) => {
          if (m.kind === 'ready') resolve();
          else listener?.(w, m);
        });
        worker.on('error', (error) => {
          reject(error);
          failure?.(error);
        });
        worker.on('exit', (code) => {
          const error = new Error(`sender thread exited (code ${code})`);
          reject(error);
          failure?.(error);
        });
      }),
  );
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all(ready),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('sender threads did not start')), timeoutMs);
      }),
    ]);
  } catch {
    await Promise.all(workers.map((w) => w.terminate()));
    return onThisThread(options.target);
  } finally {
    clearTimeout(timer);
  }
  for (const w of workers) w.unref();

  let nextRunId = 1;
  let busy = false;
  return {
    mode: 'worker threads',
    threads,
    async send(items, sendOptions) {
      if (busy) throw new Error('a sender pool sends one run at a time');
      busy = true;
      const runId = nextRunId++;
      const jobs = workers.map(() => ({
        positions: [] as number[],
        offsetsMs: [] as number[],
        raws: [] as Hex[],
      }));
      items.forEach((item, i) => {
        const job = jobs[i % threads]!;
        job.positions.push(i);
        job.offsetsMs.push(item.offsetMs);
        job.raws.push(item.signed.raw);
      });
      const maxInFlight = Math.max(1, Math.ceil((sendOptions.maxInFlight ?? 4_096) / threads));
      const sendLag = newHistogram();
      const rejections: string[] = [];
      let accepted = 0;
      let rejected = 0;
      let sent = 0;
      let lastSendAtMs = sendOptions.startMs;
      let callbackError: { readonly error: unknown } | undefined;
      let workerError: string | undefined;
      let pending = threads;
      const onAbort = (): void => {
        for (const w of workers) w.postMessage({ kind: 'abort', runId } satisfies SenderJob);
      };
      try {
        await new Promise<void>((resolve, reject) => {
          failure = reject;
          listener = (_w, m) => {
            if (m.kind === 'outcomes' && m.runId === runId) {
              for (let j = 0; j < m.positions.length; j++) {
                const item = items[m.positions[j]!]!;
                const answer = m.answers[j]!;
                const outcome: SubmitOutcome =
                  typeof answer === 'string' ? { accepted: true, txId: answer } : answer;
                if (outcome.accepted) accepted += 1;
                else {
                  rejected += 1;
                  if (rejections.length < maxRejectionMessages)
                    rejections.push(`${item.txId}: ${outcome.error.code} ${outcome.error.message}`);
                }
                try {
                  sendOptions.onOutcome?.(item, outcome, m.answeredAtMs[j]!);
                } catch (error) {
                  callbackError ??= { error };
                }
              }
            } else if (m.kind === 'done' && m.runId === runId) {
              sent += m.sent;
              lastSendAtMs = Math.max(lastSendAtMs, m.lastSendAtMs);
              if (m.error !== undefined) workerError ??= m.error;
              else sendLag.add(decodeHistogram(m.sendLag));
              pending -= 1;
              if (pending === 0) resolve();
            }
          };
          for (const w of workers) w.ref();
          for (const [w, job] of jobs.entries())
            workers[w]!.postMessage({
              kind: 'run',
              runId,
              startMs: sendOptions.startMs,
              maxInFlight,
              ...job,
            } satisfies SenderJob);
          // After the runs: a thread reads its messages in order, so the abort finds its run.
          if (sendOptions.signal?.aborted) onAbort();
          else sendOptions.signal?.addEventListener('abort', onAbort, { once: true });
        });
      } finally {
        sendOptions.signal?.removeEventListener('abort', onAbort);
        for (const w of workers) w.unref();
        listener = undefined;
        failure = undefined;
        busy = false;
      }
      if (workerError !== undefined) throw new Error(`sender thread: ${workerError}`);
      if (callbackError) throw callbackError.error;
      return { sent, accepted, rejected, rejections, lastSendAtMs, sendLag };
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** The fallback: the same sender on this thread, over one transport of its own. */
function onThisThread(target: JsonRpcTransportOptions): SenderPool {
  const transport = createJsonRpcTransport(target);
  const submit = createRawSubmitter(transport);
  return {
    mode: 'this thread',
    threads: 1,
    send: (items, sendOptions) => sendOnSchedule((item) => submit(item.signed.raw), items, sendOptions),
    async close() {
      transport.close();
    },
  };
}
