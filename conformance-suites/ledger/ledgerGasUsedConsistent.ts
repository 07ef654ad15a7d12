import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { rpcEvidence } from './evm/createRpcReader.ts';
import { judgeIncomplete } from './evm/readBlocksWithReceipts.ts';
import { QuantityShape } from './evm/rpcShapes.ts';
import { ledgerActivityFixture } from './ledgerActivityFixture.ts';
import { ledgerSampleBlocks } from './ledgerSampleBlocks.ts';
import { readSampledLedger } from './readSampledLedger.ts';

const maxListed = 10;

/**
 * LED-13 (chaineval extension) — JR/T 0184-2020 10.4 (ledger validity checkable); JR/T 0193-2020
 * §6.9 (execution and accounting agree). Gas is what execution cost; the header, the receipts and the
 * transactions each state part of it and must add up.
 *
 * Comparison policy, per block (the blocks of the step's own transactions and the last
 * ledgerSampleBlocks blocks): receipt i's cumulativeGasUsed == receipt i-1's + receipt i's gasUsed
 * (so it strictly increases: every transaction costs gas); the header's gasUsed == the last receipt's
 * cumulativeGasUsed (0 for an empty block) == the sum of gasUsed; gasUsed <= gasLimit in the header;
 * each transaction's gasUsed <= the gas it was given. Exact integer comparisons.
 */
export const ledgerGasUsedConsistent = defineCheck({
  id: 'ledger-gas-used-consistent',
  catalogueId: 'LED-13',
  kind: 'conformance',
  title: { zh: '区块与收据的燃料用量一致', en: 'Gas used adds up across header, receipts and transactions' },
  requires: ['rpc.jsonrpc', 'tx.clientSign', 'tx.receipts', 'contract.evm'],
  parameters: [ledgerSampleBlocks, receiptTimeoutMs],
  fixtures: [ledgerActivityFixture],
  faults: ['gas-used-misreported'],
  description:
    "Reads the blocks holding the step's own transactions and the last ledgerSampleBlocks blocks with their receipts. " +
    "Passes when each block's gasUsed equals its last receipt's cumulativeGasUsed and the sum of its receipts' gasUsed, " +
    'cumulativeGasUsed grows by exactly each gasUsed, gasUsed stays within gasLimit, and no transaction used more gas than it was given.',
  failsWhen:
    "A block's gasUsed differs from its receipts' total, a cumulativeGasUsed does not add up or does not increase, gasUsed " +
    'exceeds gasLimit, or a transaction used more gas than its limit.',
  async run(ctx) {
    const sampled = await readSampledLedger(ctx, 'blocks the check made itself');
    if (!sampled.ok) return sampled.outcome;
    const { own, numbers, read, log } = sampled;
    const { problems, setAside } = judgeIncomplete(read, own);
    for (const { block, receipts } of read.blocks) {
      const at = `block ${block.number}`;
      let cumulative = 0n;
      let sum = 0n;
      for (const [i, receipt] of receipts.entries()) {
        const tx = block.transactions[i];
        if (receipt.gasUsed === 0n)
          problems.push(
            `${at}: transaction ${i} (${receipt.transactionHash}) reports gasUsed 0; every transaction costs gas`,
          );
        if (receipt.cumulativeGasUsed !== cumulative + receipt.gasUsed)
          problems.push(
            `${at}: receipt ${i} reports cumulativeGasUsed ${receipt.cumulativeGasUsed}, but the previous ${cumulative} plus its gasUsed ${receipt.gasUsed} is ${cumulative + receipt.gasUsed}`,
          );
        const given = QuantityShape.safeParse(tx?.gas);
        if (!given.success)
          problems.push(
            `${at}: transaction ${i} has no well-formed gas field (got ${JSON.stringify(tx?.gas)})`,
          );
        else if (receipt.gasUsed > given.data)
          problems.push(
            `${at}: transaction ${i} used ${receipt.gasUsed} gas but was given only ${given.data}`,
          );
        cumulative = receipt.cumulativeGasUsed;
        sum += receipt.gasUsed;
      }
      if (block.gasUsed !== cumulative || block.gasUsed !== sum)
        problems.push(
          `${at} reports gasUsed ${block.gasUsed}; its receipts give cumulative ${cumulative} and a sum of ${sum}`,
        );
      if (block.gasUsed > block.gasLimit)
        problems.push(`${at} reports gasUsed ${block.gasUsed} above its gasLimit ${block.gasLimit}`);
    }
    const receiptsChecked = read.blocks.reduce((s, b) => s + b.receipts.length, 0);
    const evidence = {
      blocksChecked: read.blocks.length,
      range: `${numbers[0]}..${numbers[numbers.length - 1]}`,
      receiptsChecked,
      ownBlocks: own.map(String),
      notRead: read.notRead,
      setAside,
      problemCount: problems.length,
      problems: problems.slice(0, maxListed),
      ...rpcEvidence(log),
    };
    const expected =
      'header gasUsed == last cumulativeGasUsed == sum of gasUsed; cumulative strictly increasing; gasUsed <= gasLimit';
    if (problems.length === 0) {
      return {
        status: 'pass',
        summary: `gas adds up in ${read.blocks.length} blocks (${receiptsChecked} receipts): header, cumulative and per-transaction figures agree and stay within the limits`,
        expected,
        actual: 'every block adds up',
        evidence,
      };
    }
    return {
      status: 'fail',
      summary: `gas accounting does not add up: ${problems.slice(0, 2).join('; ')}`,
      expected,
      actual: { problems: problems.length, first: problems[0] },
      evidence,
    };
  },
});
