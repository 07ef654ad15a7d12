import { defineCheck } from '#core/checks/defineCheck.ts';
import { sealSampleBlocks } from './governanceParameters.ts';
import { readingProblem } from './governanceSteps.ts';

/** Problems listed in a summary; the evidence keeps one line per sampled block. */
const maxListed = 3;

/**
 * CON-02 — JR/T 0184-2020 11.2 (only legitimate participants reach consensus) and 11.10 (each round
 * auditable and immutable). For each sampled block the harness recovers the commit seals' signers
 * itself (Besu QBFT: seals over the committed-seal digest, hyperledger/besu BftBlockHashing), and
 * checks them against the validator set responsible for that block, as a Besu node does on import
 * (BftCommitSealsValidationRule, BftCoinbaseValidationRule).
 *
 * Comparison policy: per block, the committers must be distinct members of the block's validator set,
 * at least the algorithm's quorum of them (BFT: ⌈2n/3⌉), and the proposer (coinbase) a member. A seal
 * or validator answer that does not decode fails naming the block and field. Genesis has no seals and
 * is not sampled; a chain with only genesis is skipped (precondition).
 */
export const consensusBlocksSealed = defineCheck({
  id: 'consensus-blocks-sealed',
  catalogueId: 'CON-02',
  kind: 'conformance',
  title: {
    zh: '每个区块由合法共识节点签署',
    en: 'Every block is sealed by a quorum of legitimate validators',
  },
  requires: ['consensus.validators'],
  parameters: [sealSampleBlocks],
  faults: ['block-sealed-by-outsider', 'commit-seals-below-quorum'],
  description:
    'Reads the last sealSampleBlocks blocks (genesis excluded), recovers the signer of every commit seal from the ' +
    'block itself and reads the validator set responsible for the block. Passes when, in every block, the signers ' +
    'are distinct validators, at least a quorum (⌈2n/3⌉ for BFT) of them, and the proposer is a validator.',
  failsWhen:
    'A block carries a seal by a non-validator, fewer distinct seals than the quorum, a duplicate seal, a proposer ' +
    'outside the set, or a seal or validator answer that does not decode.',
  async run({ adapter, params }) {
    const { consensus, ledger } = adapter;
    const head = await ledger.getHeight();
    if (head < 1n) {
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: 'the chain holds only its genesis block, which carries no seals',
        evidence: { headBlock: head.toString() },
      };
    }
    const from =
      head - BigInt(params.sealSampleBlocks) + 1n > 1n ? head - BigInt(params.sealSampleBlocks) + 1n : 1n;
    const problems: string[] = [];
    const blocks: Record<string, unknown>[] = [];
    let validatorQuery: unknown;
    for (let n = from; n <= head; n++) {
      const block = await ledger.getBlock(n);
      if (block === null) {
        problems.push(`block ${n} (at or below head ${head}) is missing`);
        continue;
      }
      const [seal, set] = await Promise.all([consensus.sealOf(block), consensus.validatorsAt(n)]);
      validatorQuery ??= set.call;
      const setProblem = readingProblem(set);
      if (seal.kind === 'malformed' || setProblem !== undefined || set.kind !== 'read') {
        const why = seal.kind === 'malformed' ? seal.problem : `block ${n}: ${setProblem}`;
        problems.push(why);
        blocks.push({ block: n.toString(), problem: why });
        continue;
      }
      const validators = new Set(set.value.map((v) => v.toLowerCase()));
      const committers = seal.seal.committers.map((c) => c.toLowerCase());
      const distinct = [...new Set(committers)];
      const outsiders = distinct.filter((c) => !validators.has(c));
      const members = distinct.filter((c) => validators.has(c));
      const quorum = consensus.quorum(validators.size);
      const blockProblems: string[] = [];
      if (distinct.length !== committers.length)
        blockProblems.push(`${committers.length - distinct.length} duplicate seal(s)`);
      if (outsiders.length > 0)
        blockProblems.push(`sealed by ${outsiders.join(', ')}, not in its validator set`);
      if (members.length < quorum)
        blockProblems.push(
          `${members.length} validator seal(s), fewer than the quorum ${quorum} of ${validators.size}`,
        );
      const proposer = seal.seal.proposer;
      if (proposer !== null && !validators.has(proposer.toLowerCase()))
        blockProblems.push(`proposer ${proposer} is not in its validator set`);
      for (const p of blockProblems) problems.push(`block ${n}: ${p}`);
      blocks.push({
        block: n.toString(),
        hash: block.hash,
        proposer,
        committers: distinct.length,
        quorum,
        validators: validators.size,
        sealedDigest: seal.seal.sealedDigest,
        ...(blockProblems.length > 0 ? { problems: blockProblems, signers: committers } : {}),
      });
    }
    const sampled = Number(head - from + 1n);
    const evidence = {
      algorithm: consensus.algorithm,
      range: `${from}..${head}`,
      validatorQuery: { first: validatorQuery, perBlock: true },
      blocks,
    };
    const expected = {
      sealedBlocks: sampled,
      rule: 'distinct validator seals ≥ quorum; proposer a validator',
    };
    if (problems.length > 0) {
      const more = problems.length > maxListed ? ` (and ${problems.length - maxListed} more)` : '';
      return {
        status: 'fail',
        summary: `${problems.slice(0, maxListed).join('; ')}${more}`,
        expected,
        actual: { blocksWithProblems: new Set(problems.map((p) => p.split(':')[0])).size, sampled },
        evidence,
      };
    }
    return {
      status: 'pass',
      summary: `blocks ${from}..${head}: each sealed by a quorum of distinct validators and proposed by a validator`,
      expected,
      actual: { sampled, blocksWithProblems: 0 },
      evidence,
    };
  },
});
