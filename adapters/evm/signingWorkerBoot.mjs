// Entry of a signing worker thread: loader hooks (tsx) are not inherited by worker threads, so the
// worker registers them before it imports its TypeScript body (createSigningPool.ts).
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.module);
