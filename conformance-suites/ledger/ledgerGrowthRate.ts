import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { activityOutcome } from './activityOutcome.ts';
import { blockRlpLength } from './evm/blockRlpLength.ts';
import { createRpcLog, createRpcReader, rpcEvidence } from './evm/createRpcReader.ts';
import { recentBlockNumbers } from './evm/readBlocksWithReceipts.ts';
import { FullBlockShape } from './evm/rpcShapes.ts';
import { inferTimestampUnit } from './inferTimestampUnit.ts';
import { ledgerActivityFixture, ownBlockNumbers } from './ledgerActivityFixture.ts';
import { ledgerBytesPerTxMax } from './ledgerBytesPerTxMax.ts';
import { ledgerSampleBlocks } from './ledgerSampleBlocks.ts';

const maxListed = 10;

/**
 * How far a reported `size` may be from the harness's rebuild of RLP([header, transactions, uncles,
 * withdrawals]) for a block of `transactions`: nodes differ on conventions worth a few bytes, never
 * more. Measured: anvil 1.7.1 leaves the (empty) withdrawals list out of `size` (1 byte); Hardhat
 * 2.29.1 counts typed transactions without their RLP string header (2-3 bytes each); a list header
 * may grow by one byte across a length boundary.
 */
export function sizeTolerance(transactions: number): number {
  return 8 + 4 * transactions;
}

/**
 * LED-09 — JR/T 0193-2020 §7.5 (ledger-data growth rate). No figure is published; the deployer sets
 * ledgerBytesPerTxMax.
 *
 * Comparison policy: over the last ledgerSampleBlocks blocks and the blocks of the step's own
 * transactions, each block's bytes are its reported `size`, cross-checked against the harness's own
 * rebuild of the block's RLP encoding (within sizeTolerance: a size the encoding does not bear out is
 * a fail, the node misreports its ledger); without `size`, the rebuilt length is used. Bytes per
 * transaction = bytes of the blocks holding transactions / their transactions; it must not exceed
 * ledgerBytesPerTxMax. Reported besides (not judged): bytes and transactions per day at the rate the
 * sample was produced (its first to last timestamp, in the unit LED-08 infers), including empty blocks.
 */
export const ledgerGrowthRate = defineCheck({
  id: 'ledger-growth-rate',
  catalogueId: 'LED-09',
  kind: 'conformance',
  title: { zh: '账本数据增长速率', en: 'Ledger growth rate' },
  requires: ['rpc.jsonrpc', 'tx.clientSign', 'tx.receipts', 'contract.evm'],
  parameters: [ledgerSampleBlocks, ledgerBytesPerTxMax, receiptTimeoutMs],
  fixtures: [ledgerActivityFixture],
  faults: ['block-size-inflated'],
  description:
    "Reads the last ledgerSampleBlocks blocks and the blocks of the step's own transactions with their transactions, " +
    "cross-checks each block's size against the RLP encoding rebuilt by the harness, and reports ledger bytes per " +
    'transaction and per day at the observed rate. Passes when sizes are borne out and bytes per transaction <= ledgerBytesPerTxMax.',
  failsWhen:
    'A block reports a size its encoding does not bear out, or the blocks holding transactions take more than ' +
    'ledgerBytesPerTxMax bytes per transaction.',
  async run({ adapter, params, fixture }) {
    const activity = await fixture(ledgerActivityFixture);
    if (!activity.ok) return activityOutcome(activity, 'blocks holding transactions');
    const log = createRpcLog();
    const reader = createRpcReader(adapter.rpc, 0, adapter.info.endpoint, log);
    const own = ownBlockNumbers(activity.transactions);
    const picked = await recentBlockNumbers(reader, params.ledgerSampleBlocks, own);
    if (!picked.ok) return { status: 'fail', summary: picked.problem, evidence: rpcEvidence(log) };
    const problems: string[] = [];
    const unmeasured: string[] = [];
    const deviations: { block: string; size: number; rebuilt: number }[] = [];
    let bytesWithTx = 0;
    let transactions = 0;
    let allBytes = 0;
    let firstTs: bigint | undefined;
    let lastTs: bigint | undefined;
    let sizeReported = 0;
    for (const n of picked.numbers) {
      const read = await reader.readNullable(
        'eth_getBlockByNumber',
        [`0x${n.toString(16)}`, true],
        FullBlockShape,
      );
      if (!read.ok) {
        problems.push(read.problem);
        continue;
      }
      if (read.value === null) {
        problems.push(`the node returns no block ${n} at or below its head`);
        continue;
      }
      const block = read.value;
      const rebuilt = blockRlpLength(read.raw as Record<string, unknown>);
      let bytes: number | undefined;
      if (block.size !== undefined) {
        sizeReported += 1;
        bytes = Number(block.size);
        if (rebuilt.kind === 'computed' && bytes !== rebuilt.bytes) {
          deviations.push({ block: n.toString(), size: bytes, rebuilt: rebuilt.bytes });
          const tolerance = sizeTolerance(block.transactions.length);
          if (Math.abs(bytes - rebuilt.bytes) > tolerance)
            problems.push(
              `block ${n} reports size ${bytes} bytes; its RLP encoding rebuilt by the harness is ${rebuilt.bytes} bytes (tolerance ${tolerance})`,
            );
        }
        if (rebuilt.kind === 'unavailable')
          unmeasured.push(`block ${n}: size not cross-checked (${rebuilt.reason})`);
      } else if (rebuilt.kind === 'computed') bytes = rebuilt.bytes;
      else unmeasured.push(`block ${n}: no size field and ${rebuilt.reason}`);
      if (bytes === undefined) continue;
      allBytes += bytes;
      firstTs = firstTs === undefined || block.timestamp < firstTs ? block.timestamp : firstTs;
      lastTs = lastTs === undefined || block.timestamp > lastTs ? block.timestamp : lastTs;
      if (block.transactions.length > 0) {
        bytesWithTx += bytes;
        transactions += block.transactions.length;
      }
    }
    const bytesPerTx = transactions > 0 ? Math.round(bytesWithTx / transactions) : undefined;
    // Timestamps in the chain's own unit (Ethereum seconds, FISCO BCOS milliseconds, …), as LED-08 reads them.
    const unit = lastTs === undefined ? undefined : inferTimestampUnit(lastTs, Date.now());
    const spanS =
      firstTs !== undefined && lastTs !== undefined && unit !== undefined
        ? (Number(lastTs - firstTs) * unit.ms) / 1_000
        : 0;
    const perDay =
      spanS > 0
        ? {
            bytesPerDay: Math.round((allBytes / spanS) * 86_400),
            transactionsPerDay: Math.round((transactions / spanS) * 86_400),
          }
        : null;
    // The growth bound first: it is the clause's own measure; misreported sizes follow.
    if (bytesPerTx !== undefined && bytesPerTx > params.ledgerBytesPerTxMax)
      problems.unshift(
        `the blocks holding transactions take ${bytesPerTx} bytes per transaction, above ledgerBytesPerTxMax ${params.ledgerBytesPerTxMax}`,
      );
    const evidence = {
      blocksMeasured: picked.numbers.length - unmeasured.filter((u) => u.includes('no size field')).length,
      range: `${picked.numbers[0]}..${picked.numbers[picked.numbers.length - 1]}`,
      blocksReportingSize: sizeReported,
      transactions,
      bytesInBlocksWithTransactions: bytesWithTx,
      bytesPerTransaction: bytesPerTx ?? null,
      sampleBytes: allBytes,
      sampleSpanS: spanS,
      timestampUnit: unit?.name ?? null,
      atObservedRate: perDay ?? 'the sample spans 0 s of block time; no daily rate',
      sizeDeviations: deviations.slice(0, maxListed),
      unmeasured: unmeasured.slice(0, maxListed),
      problems: problems.slice(0, maxListed),
      ...rpcEvidence(log),
    };
    const expected = `sizes borne out by the block encoding; <= ${params.ledgerBytesPerTxMax} bytes per transaction`;
    if (bytesPerTx === undefined && problems.length === 0)
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: 'no block with transactions could be measured (no size field and no rebuildable encoding)',
        evidence,
      };
    if (problems.length === 0) {
      return {
        status: 'pass',
        summary: `the ledger grows ${bytesPerTx} bytes per transaction (bound ${params.ledgerBytesPerTxMax})${perDay ? `; at the observed rate ${perDay.bytesPerDay} bytes/day for ${perDay.transactionsPerDay} transactions/day` : ''}`,
        expected,
        actual: { bytesPerTransaction: bytesPerTx, ...(perDay ?? {}) },
        evidence,
      };
    }
    return {
      status: 'fail',
      summary: `ledger growth not within bounds or misreported: ${problems.slice(0, 2).join('; ')}`,
      expected,
      actual: { bytesPerTransaction: bytesPerTx ?? null, problems: problems.length },
      evidence,
    };
  },
});
