import { defineCheck } from '#core/checks/defineCheck.ts';
import { findParentLinkBreaks } from './findParentLinkBreaks.ts';
import { maxListedMismatches, mismatchEvidence } from './HashMismatch.ts';
import { ledgerSampleBlocks } from './ledgerSampleBlocks.ts';
import { ledgerSampleFixture } from './ledgerSampleFixture.ts';

/**
 * LED-01 — JR/T 0184-2020 7.2 requires a chained ledger with hash nesting (哈希嵌套), so that any
 * illegal change is detectable by tracing history: each block must name its predecessor's hash.
 *
 * Comparison policy: exact (case-insensitive hex) equality of `parentHash(n)` and `hash(n-1)` over the
 * ledger sample; zero breaks pass. The check trusts the hashes the node reports; whether they are the
 * true header hashes is LED-02's question.
 */
export const ledgerParentHashLinks = defineCheck({
  id: 'ledger-parent-hash-links',
  catalogueId: 'LED-01',
  kind: 'conformance',
  title: { zh: '区块哈希链完整（父哈希嵌套）', en: 'Hash chain intact: each block links to its parent' },
  requires: ['block.read', 'block.parentLink'],
  parameters: [ledgerSampleBlocks],
  fixtures: [ledgerSampleFixture],
  faults: ['broken-parent-link', 'forged-block-hash'],
  description:
    'Reads the last ledgerSampleBlocks blocks up to the head (at least 2; a chain with fewer is skipped as a ' +
    'precondition) and passes when every block n in the sample carries parentHash equal to the hash of block n-1.',
  failsWhen:
    "Any block in the sample names a parent hash other than its predecessor's hash; the evidence lists the first " +
    'breaks with the expected and actual hash.',
  async run(ctx) {
    const sample = await ctx.fixture(ledgerSampleFixture);
    if (!sample.ok) return sample.outcome;
    const { blocks } = sample;
    if (blocks.length < 2) {
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: `the chain holds only ${blocks.length} block; a parent link needs at least 2`,
      };
    }
    const first = blocks[0]!.number;
    const last = blocks[blocks.length - 1]!.number;
    const breaks = findParentLinkBreaks(blocks);
    const links = blocks.length - 1;
    const evidence = { sampledBlocks: `${first}..${last}`, linksChecked: links, ...mismatchEvidence(breaks) };
    const expected = 'parentHash(n) == hash(n-1) for every sampled block';
    if (breaks.length === 0) {
      return {
        status: 'pass',
        summary: `${links} parent links in blocks ${first}..${last} all match the previous block's hash`,
        expected,
        actual: `${links} of ${links} links intact`,
        evidence,
      };
    }
    const firstBreak = breaks[0]!;
    const listed = breaks
      .slice(0, maxListedMismatches)
      .map((b) => b.blockNumber)
      .join(', ');
    return {
      status: 'fail',
      summary:
        `${breaks.length} of ${links} parent links broken in blocks ${first}..${last}; first at block ` +
        `${firstBreak.blockNumber}: parentHash ${firstBreak.actual} != hash of block ${BigInt(firstBreak.blockNumber) - 1n} ${firstBreak.expected}`,
      expected,
      actual: `${links - breaks.length} of ${links} links intact; broken at block(s) ${listed}${breaks.length > maxListedMismatches ? ', …' : ''}`,
      evidence,
    };
  },
});
