import { defineCheck } from '#core/checks/defineCheck.ts';
import { createRpcLog, rpcEvidence } from './evm/createRpcReader.ts';
import { networkReaders } from './evm/networkReaders.ts';
import { type BlockHead, BlockHeadShape, QuantityShape } from './evm/rpcShapes.ts';
import { historySampleBlocks } from './historySampleBlocks.ts';

const maxListed = 10;

/**
 * Block numbers LED-05 reads on a chain whose head is `head`: genesis, the head, and up to `count`
 * blocks spread evenly over 1..head-1, each with its parent (so the parent link can be checked).
 */
export function historySample(head: bigint, count: number): bigint[] {
  const picked = new Set<bigint>([0n, head]);
  if (head >= 2n) {
    const span = head - 2n; // interior is 1..head-1
    const k = BigInt(Math.max(1, count));
    for (let i = 0n; i < k; i++) picked.add(1n + (k === 1n ? span / 2n : (i * span) / (k - 1n)));
  }
  for (const n of [...picked]) if (n > 0n) picked.add(n - 1n);
  return [...picked].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * LED-05 — JR/T 0184-2020 10.5 (no ledger loss: redundancy) and 11.10 (the whole history stays
 * auditable); JR/T 0193-2020 §6.1 (history retrievable). Reads every endpoint of the network: each
 * node must hold the whole ledger, not only its tip.
 *
 * Comparison policy: on each endpoint, genesis, the head it reports and historySampleBlocks blocks
 * spread evenly between them (each with its parent) must all be returned by eth_getBlockByNumber, as
 * well-formed blocks carrying the number asked for; each sampled block's parentHash must equal its
 * parent's hash; genesis must be the block the endpoint reported when the run connected. A missing
 * block at or below the reported head (a pruned or truncated history) is a fail.
 */
export const ledgerHistoryComplete = defineCheck({
  id: 'ledger-history-complete',
  catalogueId: 'LED-05',
  kind: 'conformance',
  title: { zh: '各节点保存完整历史账本', en: 'Every node holds the full history' },
  requires: ['rpc.jsonrpc', 'block.read'],
  parameters: [historySampleBlocks],
  faults: ['history-pruned'],
  description:
    'On every endpoint of the network reads genesis, the head and historySampleBlocks blocks spread evenly in between, each ' +
    'with its parent. Passes when every block is present with the number asked for, each parentHash names the parent, ' +
    'and genesis is the one the endpoint reported when the run connected.',
  failsWhen:
    'An endpoint returns no block (or another block) for a number at or below its head, a malformed block, a parentHash ' +
    "that is not its parent's hash, or a different genesis than at connection.",
  async run({ network, params }) {
    const log = createRpcLog();
    const readers = networkReaders(network, log);
    const problems: string[] = [];
    const perEndpoint: { endpoint: string; head: string; blocksRead: number }[] = [];
    for (const [e, reader] of readers.entries()) {
      const head = await reader.read('eth_blockNumber', [], QuantityShape);
      if (!head.ok) {
        problems.push(head.problem);
        continue;
      }
      const numbers = historySample(head.value, params.historySampleBlocks);
      const blocks = new Map<bigint, BlockHead>();
      for (let i = 0; i < numbers.length; i += 8) {
        await Promise.all(
          numbers.slice(i, i + 8).map(async (n) => {
            const read = await reader.readNullable(
              'eth_getBlockByNumber',
              [`0x${n.toString(16)}`, false],
              BlockHeadShape,
            );
            if (!read.ok) problems.push(read.problem);
            else if (read.value === null)
              problems.push(`${reader.label} returns no block ${n} although it reports head ${head.value}`);
            else if (read.value.number !== n)
              problems.push(`${reader.label} answers block ${read.value.number} when asked for block ${n}`);
            else blocks.set(n, read.value);
          }),
        );
      }
      for (const [n, block] of blocks) {
        const parent = blocks.get(n - 1n);
        if (n > 0n && parent !== undefined && block.parentHash !== parent.hash)
          problems.push(
            `${reader.label} block ${n} names parent ${block.parentHash}, but block ${n - 1n} is ${parent.hash}`,
          );
      }
      const genesis = blocks.get(0n);
      const connectedGenesis = network[e]?.info.genesisHash.toLowerCase();
      if (genesis !== undefined && connectedGenesis !== undefined && genesis.hash !== connectedGenesis)
        problems.push(
          `${reader.label} now reports genesis ${genesis.hash}; when the run connected it reported ${connectedGenesis}`,
        );
      perEndpoint.push({ endpoint: reader.label, head: head.value.toString(), blocksRead: numbers.length });
    }
    const evidence = {
      endpoints: perEndpoint,
      historySampleBlocks: params.historySampleBlocks,
      problems: problems.slice(0, maxListed),
      problemCount: problems.length,
      ...rpcEvidence(log),
    };
    const expected =
      'genesis, head and the sampled blocks present on every endpoint, each linked to its parent';
    const total = perEndpoint.reduce((sum, p) => sum + p.blocksRead, 0);
    if (problems.length === 0) {
      return {
        status: 'pass',
        summary: `${readers.length} endpoint(s) hold genesis, the head and every sampled block in between (${total} blocks read), each linked to its parent`,
        expected,
        actual: `${total} of ${total} blocks present and linked`,
        evidence,
      };
    }
    return {
      status: 'fail',
      summary: `history incomplete or inconsistent: ${problems.length} problem(s); ${problems.slice(0, 2).join('; ')}`,
      expected,
      actual: { problems: problems.length, first: problems[0] },
      evidence,
    };
  },
});
