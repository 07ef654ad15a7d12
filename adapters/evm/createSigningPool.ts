import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Hex, keccak256, type TransactionSerializable } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { SigningAnswer, SigningJob } from './signingWorker.ts';

export interface SigningItem {
  readonly key: Hex;
  readonly tx: TransactionSerializable;
}

export interface SigningPool {
  /** Signs every item, in order: in worker threads when the batch is large enough, else here. */
  sign(items: readonly SigningItem[]): Promise<{ readonly raw: Hex; readonly txId: Hex }[]>;
  /** Ends the worker threads (signing afterwards starts new ones). */
  close(): Promise<void>;
}

export interface SigningPoolOptions {
  /** @default min(available cores, 4) */
  readonly threads?: number;
  /** Batches smaller than this are signed on the calling thread (a worker's start costs ~0.1 s). @default 256 */
  readonly minBatch?: number;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly ready: Promise<void>;
}

const bootUrl = new URL('./signingWorkerBoot.mjs', import.meta.url);
const bodyUrl = new URL('./signingWorker.ts', import.meta.url);

async function signHere(items: readonly SigningItem[]): Promise<{ raw: Hex; txId: Hex }[]> {
  const out: { raw: Hex; txId: Hex }[] = [];
  for (const item of items) {
    const raw = await privateKeyToAccount(item.key).signTransaction(item.tx);
    out.push({ raw, txId: keccak256(raw) });
  }
  return out;
}

/**
 * Load pre-signing (issue 9): signing is the harness's largest CPU cost per transaction (viem ≈ 3k
 * signatures/s on one core), so large batches are split over worker threads, one per core. Keys
 * travel only to these threads of the same process. Where the worker file cannot be loaded (a
 * bundled Lambda has no separate worker file), it signs on the calling thread: slower, same bytes.
 * Idle workers do not keep the process alive.
 */
export function createSigningPool(options: SigningPoolOptions = {}): SigningPool {
  const threads = Math.max(1, options.threads ?? Math.min(availableParallelism(), 4));
  const minBatch = options.minBatch ?? 256;
  let workers: PoolWorker[] | undefined;
  let unavailable = false;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (a: SigningAnswer) => void; reject: (e: Error) => void }>();

  function start(): PoolWorker[] {
    return Array.from({ length: threads }, () => {
      const worker = new Worker(bootUrl, { workerData: { module: bodyUrl.href } });
      worker.unref();
      const ready = new Promise<void>((resolve, reject) => {
        worker.on('message', (m: SigningAnswer | { ready: true }) => {
          if ('ready' in m) return resolve();
          waiting.get(m.id)?.resolve(m);
          waiting.delete(m.id);
        });
        worker.on('error', (error) => {
          reject(error);
          for (const w of waiting.values()) w.reject(error);
          waiting.clear();
        });
      });
      ready.catch(() => {});
      return { worker, ready };
    });
  }

  async function run(w: PoolWorker, items: readonly SigningItem[]): Promise<{ raw: Hex; txId: Hex }[]> {
    await w.ready;
    const keys: Hex[] = [];
    const index = new Map<Hex, number>();
    const txs = items.map((item) => {
      let k = index.get(item.key);
      if (k === undefined) {
        k = keys.push(item.key) - 1;
        index.set(item.key, k);
      }
      return { key: k, tx: item.tx };
    });
    const id = nextId++;
    w.worker.ref();
    try {
      const answer = await new Promise<SigningAnswer>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.worker.postMessage({ id, keys, txs } satisfies SigningJob);
      });
      if ('error' in answer) throw new Error(`signing worker: ${answer.error}`);
      return answer.raws.map((raw, i) => ({ raw, txId: answer.txIds[i]! }));
    } finally {
      w.worker.unref();
    }
  }

  return {
    async sign(items) {
      if (items.length < minBatch || unavailable) return signHere(items);
      workers ??= start();
      const pool = workers;
      try {
        await Promise.all(pool.map((w) => w.ready));
      } catch {
        // No worker file here (bundled), or threads cannot start: sign on this thread from now on.
        unavailable = true;
        workers = undefined;
        await Promise.all(pool.map((w) => w.worker.terminate()));
        return signHere(items);
      }
      const size = Math.ceil(items.length / pool.length);
      const parts = await Promise.all(pool.map((w, i) => run(w, items.slice(i * size, (i + 1) * size))));
      return parts.flat();
    },
    async close() {
      const pool = workers;
      workers = undefined;
      if (pool) await Promise.all(pool.map((w) => w.worker.terminate()));
    },
  };
}
