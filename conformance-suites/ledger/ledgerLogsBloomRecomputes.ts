import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { rpcEvidence } from './evm/createRpcReader.ts';
import { storedEventTopic } from './evm/ledgerProbeContract.ts';
import { computeLogsBloom, orBlooms } from './evm/logsBloom.ts';
import { judgeIncomplete } from './evm/readBlocksWithReceipts.ts';
import { ledgerActivityFixture } from './ledgerActivityFixture.ts';
import { ledgerSampleBlocks } from './ledgerSampleBlocks.ts';
import { readSampledLedger } from './readSampledLedger.ts';

const maxListed = 10;

/**
 * LED-12 (chaineval extension) — JR/T 0184-2020 10.4 (each node's ledger validity is checkable): the
 * logs bloom in receipts and headers is the index clients use to find events (eth_getLogs); a wrong
 * bloom hides events or is not what the header commits to.
 *
 * Comparison policy: for the blocks holding the step's own transactions and the last
 * ledgerSampleBlocks blocks, each receipt's logsBloom must equal the bloom the harness computes from
 * that receipt's logs (Yellow Paper §4.3.1, M3:2048), and the block's logsBloom the OR of its
 * receipts' blooms, exactly. Each log must name its block, transaction and index, and log indices must
 * run 0, 1, 2 … across the block. The check's own `store` call emitted exactly one log (its address,
 * the Stored topic, the stored value): its receipt must carry it, so a node that drops logs and zeroes
 * the bloom along with them is caught too.
 */
export const ledgerLogsBloomRecomputes = defineCheck({
  id: 'ledger-logs-bloom-recomputes',
  catalogueId: 'LED-12',
  kind: 'conformance',
  title: { zh: '日志布隆过滤器可重新计算', en: 'Logs blooms recompute from the logs' },
  requires: ['rpc.jsonrpc', 'tx.clientSign', 'tx.receipts', 'contract.evm'],
  parameters: [ledgerSampleBlocks, receiptTimeoutMs],
  fixtures: [ledgerActivityFixture],
  faults: ['wrong-logs-bloom'],
  description:
    "Reads the blocks holding the step's own transactions (including a call that emitted one log) and the last " +
    "ledgerSampleBlocks blocks with their receipts. Passes when each receipt's logsBloom is the bloom of its logs, each " +
    "block's logsBloom is the OR of its receipts' blooms, log positions are consistent, and the own call's log is present.",
  failsWhen:
    'A receipt or block bloom differs from the one computed from the logs, a log names another block, transaction or ' +
    "index, or the check's own call's receipt does not carry the log it emitted.",
  async run(ctx) {
    const sampled = await readSampledLedger(ctx, 'a block holding a transaction with a log');
    if (!sampled.ok) return sampled.outcome;
    const { activity, own, numbers, read, log } = sampled;
    const { problems, setAside } = judgeIncomplete(read, own);
    let logsChecked = 0;
    for (const { block, receipts } of read.blocks) {
      let nextLogIndex = 0n;
      for (const receipt of receipts) {
        const computed = computeLogsBloom(receipt.logs);
        if (computed !== receipt.logsBloom)
          problems.push(
            `the receipt of ${receipt.transactionHash} (block ${block.number}, ${receipt.logs.length} log(s)) carries logsBloom ${abbreviate(receipt.logsBloom)}; its logs give ${abbreviate(computed)}`,
          );
        for (const entry of receipt.logs) {
          logsChecked += 1;
          const place = {
            blockHash: entry.blockHash,
            blockNumber: entry.blockNumber,
            transactionHash: entry.transactionHash,
            transactionIndex: entry.transactionIndex,
            logIndex: entry.logIndex,
          };
          const expectedPlace = {
            blockHash: block.hash,
            blockNumber: `0x${block.number.toString(16)}`,
            transactionHash: receipt.transactionHash,
            transactionIndex: `0x${receipt.transactionIndex.toString(16)}`,
            logIndex: `0x${nextLogIndex.toString(16)}`,
          };
          const wrong = Object.entries(expectedPlace).filter(
            ([k, v]) => String(place[k as keyof typeof place]).toLowerCase() !== v,
          );
          if (wrong.length > 0)
            problems.push(
              `a log of ${receipt.transactionHash} in block ${block.number} reports ${wrong.map(([k]) => `${k} ${String(place[k as keyof typeof place])}`).join(', ')}; expected ${wrong.map(([k, v]) => `${k} ${v}`).join(', ')}`,
            );
          nextLogIndex += 1n;
        }
      }
      const combined = orBlooms(receipts.map((r) => r.logsBloom));
      if (combined !== block.logsBloom)
        problems.push(
          `block ${block.number} carries logsBloom ${abbreviate(block.logsBloom)}; the OR of its receipts' blooms is ${abbreviate(combined)}`,
        );
    }
    const store = activity.transactions.find((t) => t.label === 'store');
    const storeReceipt = read.blocks
      .flatMap((b) => b.receipts)
      .find((r) => r.transactionHash === store?.txId);
    const storedWord = `0x${activity.storedValue.toString(16).padStart(64, '0')}`;
    if (store === undefined || storeReceipt === undefined) {
      problems.push("the receipt of the check's own store call was not read");
    } else {
      const emitted = storeReceipt.logs;
      const [only] = emitted;
      if (
        emitted.length !== 1 ||
        only === undefined ||
        only.address !== activity.probe ||
        only.topics.length !== 1 ||
        only.topics[0] !== storedEventTopic ||
        only.data !== storedWord
      )
        problems.push(
          `the receipt of the check's own store(${activity.storedValue}) ${store.txId} carries ${emitted.length} log(s) ${JSON.stringify(emitted.map((l) => ({ address: l.address, topics: l.topics, data: l.data }))).slice(0, 300)}; the call emitted exactly one: Stored at ${activity.probe} with data ${storedWord}`,
        );
    }
    const evidence = {
      blocksChecked: read.blocks.length,
      range: `${numbers[0]}..${numbers[numbers.length - 1]}`,
      receiptsChecked: read.blocks.reduce((sum, b) => sum + b.receipts.length, 0),
      logsChecked,
      ownStoreCall: store ? { txId: store.txId, block: store.receipt.blockNumber.toString() } : null,
      notRead: read.notRead,
      setAside,
      problemCount: problems.length,
      problems: problems.slice(0, maxListed),
      ...rpcEvidence(log),
    };
    const expected =
      "logsBloom == bloom of the logs for every receipt; block logsBloom == OR of its receipts' blooms";
    if (problems.length === 0) {
      return {
        status: 'pass',
        summary: `the blooms of ${evidence.receiptsChecked} receipts and ${read.blocks.length} blocks recompute from their ${logsChecked} log(s), including the check's own Stored log`,
        expected,
        actual: 'every bloom recomputes',
        evidence,
      };
    }
    return {
      status: 'fail',
      summary: `${problems.length} bloom or log inconsistency(ies): ${problems.slice(0, 2).join('; ')}`,
      expected,
      actual: { problems: problems.length, first: problems[0] },
      evidence,
    };
  },
});

/** A bloom in a summary: its set bits, which is what differs. */
function abbreviate(bloom: string): string {
  const bits = BigInt(bloom)
    .toString(2)
    .split('')
    .filter((b) => b === '1').length;
  return `${bloom.slice(0, 10)}… (${bits} bits set)`;
}
