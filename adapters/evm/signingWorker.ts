/**
 * Body of a signing worker thread (createSigningPool.ts): signs the EVM transactions it is sent with
 * the keys sent along, and answers with their raw bytes and ids. No network, no state but the
 * accounts of keys it has seen.
 */
import { parentPort } from 'node:worker_threads';
import { type Hex, keccak256, type TransactionSerializable } from 'viem';
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts';

export interface SigningJob {
  readonly id: number;
  readonly keys: readonly Hex[];
  readonly txs: readonly { readonly key: number; readonly tx: TransactionSerializable }[];
}

export type SigningAnswer =
  | { readonly id: number; readonly raws: Hex[]; readonly txIds: Hex[] }
  | { readonly id: number; readonly error: string };

const accounts = new Map<Hex, PrivateKeyAccount>();

async function sign(job: SigningJob): Promise<SigningAnswer> {
  const raws: Hex[] = [];
  const txIds: Hex[] = [];
  for (const { key, tx } of job.txs) {
    const privateKey = job.keys[key]!;
    let account = accounts.get(privateKey);
    if (!account) {
      account = privateKeyToAccount(privateKey);
      accounts.set(privateKey, account);
    }
    const raw = await account.signTransaction(tx);
    raws.push(raw);
    txIds.push(keccak256(raw));
  }
  return { id: job.id, raws, txIds };
}

parentPort?.on('message', (job: SigningJob) => {
  sign(job).then(
    (answer) => parentPort?.postMessage(answer),
    (error: unknown) =>
      parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
parentPort?.postMessage({ ready: true });
