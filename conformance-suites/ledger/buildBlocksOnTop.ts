import type { Identity, TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import type { RpcReader } from './evm/createRpcReader.ts';
import { QuantityShape } from './evm/rpcShapes.ts';

const headPollMs = 25;

export interface BuildBlocksOptions {
  readonly transactions: TransactionsApi;
  readonly account: Identity;
  readonly reader: RpcReader;
  /** The height to reach. */
  readonly target: bigint;
  /** Self-transfers it may send (the check's budget). */
  readonly maxNudges: number;
  /** How long one nudge may take to show up as a new block. */
  readonly perNudgeTimeoutMs: number;
  /** Harness-clock time after which it gives up. @default no overall deadline */
  readonly deadlineMs?: number;
  /** Called with the harness clock each time the head is read (CON-10 times finality with it). */
  readonly onHead?: (height: bigint, atMs: number) => void;
}

export type BuiltBlocks =
  | { readonly kind: 'reached'; readonly height: bigint; readonly nudges: readonly string[] }
  | {
      readonly kind: 'stalled';
      readonly height: bigint;
      readonly nudges: readonly string[];
      readonly reason: string;
    };

/**
 * Waits until the first endpoint's head reaches `target`. A chain that produces blocks on its own
 * gets there without help; on an automining dev chain (a block per transaction) it never would, so
 * whenever the head has not reached the target the function sends one self-transfer and waits for the
 * head to move (STYLE brief: nudge with cheap self-transfers, bounded). Never more than `maxNudges`,
 * each bounded by `perNudgeTimeoutMs`.
 */
export async function buildBlocksOnTop(options: BuildBlocksOptions): Promise<BuiltBlocks> {
  const { reader, target } = options;
  const nudges: string[] = [];
  const head = async (): Promise<bigint | string> => {
    const read = await reader.readQuietly('eth_blockNumber', [], QuantityShape);
    if (!read.ok) return read.problem;
    options.onHead?.(read.value, Date.now());
    return read.value;
  };
  let height = await head();
  for (;;) {
    if (typeof height === 'string') return { kind: 'stalled', height: -1n, nudges, reason: height };
    if (height >= target) {
      await reader.read('eth_blockNumber', [], QuantityShape); // the final head, on the record
      return { kind: 'reached', height, nudges };
    }
    if (nudges.length >= options.maxNudges)
      return {
        kind: 'stalled',
        height,
        nudges,
        reason: `the head is at ${height}, short of ${target}, after ${nudges.length} self-transfer(s)`,
      };
    if (options.deadlineMs !== undefined && Date.now() >= options.deadlineMs)
      return {
        kind: 'stalled',
        height,
        nudges,
        reason: `the head is at ${height}, short of ${target}, at the deadline`,
      };
    const signed = await options.transactions.sign(
      { kind: 'transfer', to: options.account.address, amount: 1n },
      options.account,
    );
    const answer = await options.transactions.submit(signed);
    if (!answer.accepted)
      return {
        kind: 'stalled',
        height,
        nudges,
        reason: `the node refused a self-transfer sent to add a block (${answer.error.code} "${answer.error.message.slice(0, 120)}")`,
      };
    nudges.push(answer.txId);
    const from = height;
    const until = Math.min(
      Date.now() + options.perNudgeTimeoutMs,
      options.deadlineMs ?? Number.POSITIVE_INFINITY,
    );
    for (;;) {
      height = await head();
      if (typeof height === 'string' || height > from || Date.now() >= until) break;
      await new Promise((resolve) => setTimeout(resolve, headPollMs));
    }
    if (typeof height !== 'string' && height <= from)
      return {
        kind: 'stalled',
        height,
        nudges,
        reason: `no new block within ${options.perNudgeTimeoutMs} ms of self-transfer ${answer.txId}; the head stays at ${height}`,
      };
  }
}
