import { defineCheck } from '#core/checks/defineCheck.ts';
import { type HashMismatch, mismatchEvidence } from './HashMismatch.ts';
import { ledgerSampleBlocks } from './ledgerSampleBlocks.ts';
import { ledgerSampleFixture } from './ledgerSampleFixture.ts';

/**
 * LED-02 — JR/T 0184-2020 7.2 (hash nesting): a block's hash must be the digest of its header, or
 * the parent links of LED-01 prove nothing (a node could report any hash it likes).
 *
 * Comparison policy: the adapter's verifier re-encodes each sampled header and hashes it with the
 * chain's declared hash function (EVM: keccak256 of the RLP header); the result must equal the hash
 * the node reports, exactly. A header the verifier cannot encode makes the check inconclusive
 * (`error`): the harness could not compute, which is not evidence of a forged hash.
 */
export const ledgerHeaderHashRecomputes = defineCheck({
  id: 'ledger-header-hash-recomputes',
  catalogueId: 'LED-02',
  kind: 'conformance',
  title: { zh: '区块哈希可由区块头重新计算', en: 'Block hash recomputes from the header' },
  requires: ['block.read', 'block.header.hash'],
  parameters: [ledgerSampleBlocks],
  fixtures: [ledgerSampleFixture],
  faults: ['forged-block-hash'],
  description:
    'Reads the last ledgerSampleBlocks blocks up to the head and recomputes each block hash from its header ' +
    'fields with the declared hash function. Passes when every recomputed hash equals the hash the node reports.',
  failsWhen:
    'Any sampled block reports a hash its header does not encode to; the evidence lists the first mismatches ' +
    '(expected = recomputed, actual = reported).',
  async run(ctx) {
    const { adapter } = ctx;
    const sample = await ctx.fixture(ledgerSampleFixture);
    if (!sample.ok) return sample.outcome;
    const { blocks } = sample;
    const mismatches: HashMismatch[] = [];
    for (const block of blocks) {
      const recomputed = adapter.verifier.recomputeBlockHash(block);
      if (recomputed.kind === 'unavailable') {
        return {
          status: 'error',
          summary: `cannot recompute block hashes: ${recomputed.reason}`,
          evidence: { block: block.number.toString(), reason: recomputed.reason },
        };
      }
      if (recomputed.value.toLowerCase() !== block.hash.toLowerCase()) {
        mismatches.push({
          blockNumber: block.number.toString(),
          expected: recomputed.value,
          actual: block.hash,
        });
      }
    }
    const range = `${blocks[0]!.number}..${blocks[blocks.length - 1]!.number}`;
    const evidence = {
      sampledBlocks: range,
      blocksChecked: blocks.length,
      hashFunction: adapter.info.cryptoSuite,
      ...mismatchEvidence(mismatches),
    };
    const expected = 'hash == recomputed header hash for every sampled block';
    if (mismatches.length === 0) {
      return {
        status: 'pass',
        summary: `all ${blocks.length} block hashes in ${range} recompute from their headers`,
        expected,
        actual: `${blocks.length} of ${blocks.length} recompute`,
        evidence,
      };
    }
    const first = mismatches[0]!;
    return {
      status: 'fail',
      summary:
        `${mismatches.length} of ${blocks.length} block hashes in ${range} do not recompute from their headers; ` +
        `first at block ${first.blockNumber}: reported ${first.actual}, header encodes to ${first.expected}`,
      expected,
      actual: `${blocks.length - mismatches.length} of ${blocks.length} recompute`,
      evidence,
    };
  },
});
