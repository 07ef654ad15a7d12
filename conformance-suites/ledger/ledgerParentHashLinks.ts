import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import { findParentLinkBreaks } from './findParentLinkBreaks.ts';
import { maxListedMismatches, mismatchEvidence } from './HashMismatch.ts';
import { readLedgerSample } from './readLedgerSample.ts';

/**
 * LED-01 — JR/T 0184-2020 7.2 requires a chained ledger with hash nesting (哈希嵌套), so that any
 * illegal change is detectable by tracing history: each block must name its predecessor's hash.
 *
 * Comparison policy: exact (case-insensitive hex) equality of `parentHash(n)` and `hash(n-1)` over the
 * last `ledgerSampleBlocks` blocks; zero breaks pass. The check trusts the hashes the node reports;
 * whether they are the true header hashes is LED-02's question.
 * Fault-proxy faults: `broken-parent-link` (and `forged-block-hash`, which breaks the next link).
 */
export const ledgerParentHashLinks: CheckDefinition = {
  id: 'ledger-parent-hash-links',
  catalogueId: 'LED-01',
  kind: 'conformance',
  title: { zh: '区块哈希链完整（父哈希嵌套）', en: 'Hash chain intact: each block links to its parent' },
  clauseIds: ['0184-7.2'],
  requires: ['block.read', 'block.parentLink'],
  description:
    'Reads the last ledgerSampleBlocks blocks up to the head (at least 2; a chain with fewer is skipped as a ' +
    'precondition) and passes when every block n in the sample carries parentHash equal to the hash of block n-1.',
  failsWhen:
    "Any block in the sample names a parent hash other than its predecessor's hash; the evidence lists the first " +
    'breaks with the expected and actual hash. Shown by the fault-proxy faults "broken-parent-link" and ' +
    '"forged-block-hash".',
  async run({ adapter, params }) {
    const sample = await readLedgerSample(adapter.ledger, {
      sampleBlocks: params.ledgerSampleBlocks,
      minBlocks: 2,
    });
    if (!sample.ok) return sample.outcome;
    const { blocks } = sample;
    const first = blocks[0]!.number;
    const last = blocks[blocks.length - 1]!.number;
    const breaks = findParentLinkBreaks(blocks);
    const links = blocks.length - 1;
    const evidence = {
      sampledBlocks: `${first}..${last}`,
      linksChecked: links,
      ...mismatchEvidence(breaks),
    };
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
};
