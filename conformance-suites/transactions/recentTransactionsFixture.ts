import { defineFixture } from '#core/checks/defineFixture.ts';
import { quantity } from '../contracts/jsonRpcShapes.ts';
import { txSampleBlocks, txSampleSize } from './txSampleParameters.ts';

/** One transaction of a block, as the hydrated block carried it. */
export interface SampledTransaction {
  readonly blockNumber: bigint;
  readonly blockHash: string;
  readonly index: number;
  readonly tx: Readonly<Record<string, unknown>>;
}

export type RecentTransactions =
  | {
      readonly ok: true;
      /** Blocks read, newest first: `toBlock` down to `fromBlock`. */
      readonly fromBlock: bigint;
      readonly toBlock: bigint;
      readonly transactions: readonly SampledTransaction[];
      /** Blocks whose answer was not a hydrated block: each names the block and what was wrong. */
      readonly malformedBlocks: readonly string[];
      /** The exact reads, for evidence. */
      readonly calls: readonly string[];
    }
  | { readonly ok: false; readonly reason: string; readonly calls: readonly string[] };

/** Blocks fetched at once: enough to hide loopback latency, few enough not to load a remote node. */
const readConcurrency = 8;

/**
 * The most recent block transactions (full objects from eth_getBlockByNumber(n, true), newest block
 * first, at most txSampleSize of them from at most txSampleBlocks blocks), read once per step and
 * shared by TX-01, TX-06, TX-08 and TX-09. Raw objects: each check validates what it judges. A block
 * the node does not return although it lies at or below the head it reported leaves the sample
 * inconclusive (`ok: false`): pruning or a load balancer is not evidence against the transactions.
 */
export const recentTransactionsFixture = defineFixture({
  id: 'recent-transactions',
  description: 'the most recent block transactions (txSampleSize from at most txSampleBlocks blocks)',
  requires: ['rpc.jsonrpc'],
  parameters: [txSampleBlocks, txSampleSize],
  async create({ adapter, params }): Promise<RecentTransactions> {
    const { rpc } = adapter;
    const calls: string[] = ['eth_blockNumber()'];
    const headAnswer = await rpc.request('eth_blockNumber', []);
    if (
      headAnswer.kind !== 'result' ||
      typeof headAnswer.result !== 'string' ||
      !/^0x[0-9a-fA-F]+$/.test(headAnswer.result)
    ) {
      return {
        ok: false,
        reason: `eth_blockNumber gave no block number (${JSON.stringify(headAnswer).slice(0, 160)})`,
        calls,
      };
    }
    const head = BigInt(headAnswer.result);
    const lowest =
      head - BigInt(params.txSampleBlocks) + 1n > 0n ? head - BigInt(params.txSampleBlocks) + 1n : 0n;
    const transactions: SampledTransaction[] = [];
    const malformedBlocks: string[] = [];
    let fromBlock = head;
    for (
      let top = head;
      top >= lowest && transactions.length < params.txSampleSize;
      top -= BigInt(readConcurrency)
    ) {
      const numbers: bigint[] = [];
      for (let n = top; n > top - BigInt(readConcurrency) && n >= lowest; n--) numbers.push(n);
      calls.push(`eth_getBlockByNumber(${quantity(numbers[0]!)}..${quantity(numbers.at(-1)!)}, true)`);
      const answers = await Promise.all(
        numbers.map((n) => rpc.request('eth_getBlockByNumber', [quantity(n), true])),
      );
      for (const [i, answer] of answers.entries()) {
        const n = numbers[i]!;
        if (transactions.length >= params.txSampleSize) break;
        fromBlock = n;
        if (answer.kind === 'result' && answer.result === null) {
          return { ok: false, reason: `the node reports head ${head} but returned no block ${n}`, calls };
        }
        if (answer.kind !== 'result') {
          return {
            ok: false,
            reason: `eth_getBlockByNumber(${quantity(n)}, true) was refused: ${JSON.stringify(answer).slice(0, 160)}`,
            calls,
          };
        }
        const block = answer.result as Record<string, unknown> | null;
        const problem = blockProblem(block, n);
        if (problem !== undefined) {
          malformedBlocks.push(problem);
          continue;
        }
        const txs = (block as { transactions: Record<string, unknown>[] }).transactions;
        for (const [index, tx] of txs.entries()) {
          if (transactions.length >= params.txSampleSize) break;
          transactions.push({
            blockNumber: n,
            blockHash: String((block as { hash: string }).hash).toLowerCase(),
            index,
            tx,
          });
        }
      }
    }
    return { ok: true, fromBlock, toBlock: head, transactions, malformedBlocks, calls };
  },
});

/** Why `block` is not the hydrated block `n` that was asked for, or undefined when it is. */
function blockProblem(block: unknown, n: bigint): string | undefined {
  if (typeof block !== 'object' || block === null || Array.isArray(block))
    return `block ${n}: the answer is not a block object`;
  const b = block as Record<string, unknown>;
  if (typeof b.hash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(b.hash))
    return `block ${n}: hash is not a 32-byte hash`;
  if (typeof b.number !== 'string' || !/^0x[0-9a-fA-F]+$/.test(b.number) || BigInt(b.number) !== n)
    return `block ${n}: number is ${JSON.stringify(b.number)}, not ${quantity(n)}`;
  if (!Array.isArray(b.transactions)) return `block ${n}: transactions is not a list`;
  const bad = b.transactions.findIndex((t) => typeof t !== 'object' || t === null || Array.isArray(t));
  if (bad >= 0)
    return `block ${n}: transaction ${bad} is not an object although full transactions were asked for`;
  return undefined;
}
