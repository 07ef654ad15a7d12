import type { RpcReader } from './createRpcReader.ts';
import {
  type FullBlock,
  FullBlockShape,
  QuantityShape,
  ReceiptShape,
  type ReceiptView,
} from './rpcShapes.ts';

/** A block with the receipt of every transaction it holds, in block order. */
export interface BlockWithReceipts {
  readonly block: FullBlock;
  readonly receipts: readonly ReceiptView[];
}

/** A block whose receipts the node does not serve as the block's own (missing, or naming another place). */
export interface IncompleteBlock {
  readonly blockNumber: bigint;
  readonly problem: string;
}

export interface BlocksWithReceipts {
  readonly blocks: readonly BlockWithReceipts[];
  /** Blocks that could not be read (missing, malformed): each a fail reason. */
  readonly problems: readonly string[];
  /**
   * Blocks read whose receipts are not all the block's own. Whether that fails a check is the
   * check's call: the receipts root cannot be rebuilt (LED-11 fails), while a bloom or gas check can
   * only set such a block aside, unless the block is one the check made itself.
   */
  readonly incomplete: readonly IncompleteBlock[];
  /** Blocks left out to bound the work, with why. */
  readonly notRead: readonly string[];
}

/** Upper bound on receipts one check reads (a block of a busy chain may hold thousands). */
export const maxReceiptsRead = 512;
const concurrency = 8;

/**
 * The blocks `numbers` (full transactions) and their receipts, each receipt read with
 * eth_getTransactionReceipt and checked to be the receipt of that transaction in that block
 * (transactionHash, transactionIndex, blockHash, blockNumber). A block the node does not return, a
 * missing receipt for a transaction the block holds, or a receipt placed elsewhere is a problem: the
 * ledger's own records disagree. Blocks beyond `maxReceiptsRead` receipts are listed as not read.
 */
export async function readBlocksWithReceipts(
  reader: RpcReader,
  numbers: readonly bigint[],
): Promise<BlocksWithReceipts> {
  const problems: string[] = [];
  const incomplete: IncompleteBlock[] = [];
  const notRead: string[] = [];
  const blocks: BlockWithReceipts[] = [];
  let budget = maxReceiptsRead;
  for (const n of numbers) {
    const read = await reader.readNullable(
      'eth_getBlockByNumber',
      [`0x${n.toString(16)}`, true],
      FullBlockShape,
    );
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const block = read.value;
    if (block === null) {
      problems.push(`${reader.label} returns no block ${n}`);
      continue;
    }
    if (block.number !== n) {
      problems.push(`${reader.label} answers block ${block.number} when asked for block ${n}`);
      continue;
    }
    if (block.transactions.length > budget) {
      notRead.push(
        `block ${n}: ${block.transactions.length} transactions exceed the ${maxReceiptsRead}-receipt bound`,
      );
      continue;
    }
    budget -= block.transactions.length;
    const blockProblems: string[] = [];
    let malformed = false;
    const receipts: (ReceiptView | undefined)[] = block.transactions.map(() => undefined);
    for (let i = 0; i < block.transactions.length; i += concurrency) {
      await Promise.all(
        block.transactions.slice(i, i + concurrency).map(async (tx, j) => {
          const index = i + j;
          const receipt = await reader.readNullable('eth_getTransactionReceipt', [tx.hash], ReceiptShape);
          if (!receipt.ok) {
            problems.push(receipt.problem);
            malformed = true;
            return;
          }
          if (receipt.value === null) {
            blockProblems.push(
              `block ${n} holds transaction ${tx.hash} (index ${index}) but its receipt is null`,
            );
            return;
          }
          const r = receipt.value;
          const placed = `${r.transactionHash} index ${r.transactionIndex} in block ${r.blockNumber} ${r.blockHash}`;
          const expected = `${tx.hash} index ${index} in block ${n} ${block.hash}`;
          if (placed !== expected) {
            blockProblems.push(
              `the receipt of transaction ${index} of block ${n} names ${placed}, expected ${expected}`,
            );
            return;
          }
          receipts[index] = r;
        }),
      );
    }
    if (blockProblems.length > 0) incomplete.push({ blockNumber: n, problem: blockProblems.join('; ') });
    else if (!malformed) blocks.push({ block, receipts: receipts as ReceiptView[] });
  }
  return { blocks, problems, incomplete, notRead };
}

/** The latest block number and the last `count` numbers up to it, merged with `extra`, ascending. */
export async function recentBlockNumbers(
  reader: RpcReader,
  count: number,
  extra: readonly bigint[],
): Promise<{ ok: true; numbers: bigint[]; head: bigint } | { ok: false; problem: string }> {
  const head = await reader.read('eth_blockNumber', [], QuantityShape);
  if (!head.ok) return { ok: false, problem: head.problem };
  const picked = new Set<bigint>(extra);
  for (let n = head.value; n >= 0n && n > head.value - BigInt(count); n--) picked.add(n);
  return { ok: true, head: head.value, numbers: [...picked].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
}

/**
 * For checks that judge what receipts say (blooms, gas): a block whose receipts are missing or name
 * another place cannot be judged and is set aside (LED-11 and LED-10 judge that inconsistency),
 * unless it holds one of the check's own transactions, which the check needs: then it fails.
 */
export function judgeIncomplete(
  read: BlocksWithReceipts,
  ownBlocks: readonly bigint[],
): { problems: string[]; setAside: string[] } {
  const problems = [...read.problems];
  const setAside: string[] = [];
  for (const { blockNumber, problem } of read.incomplete) {
    if (ownBlocks.includes(blockNumber))
      problems.push(`block ${blockNumber}, which holds the check's own transaction: ${problem}`);
    else setAside.push(`block ${blockNumber} not judged: ${problem}`);
  }
  return { problems, setAside: setAside.slice(0, 10) };
}
