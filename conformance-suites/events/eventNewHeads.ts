import { z } from 'zod';
import { createRpcTrace } from '#conformance/contracts/createRpcTrace.ts';
import { joinProblems } from '#conformance/contracts/joinProblems.ts';
import {
  BlockShape,
  FilterIdShape,
  Hash32Shape,
  QuantityShape,
  quantity,
} from '#conformance/contracts/jsonRpcShapes.ts';
import { describeUnrecorded, sendAndRecord } from '#conformance/contracts/sendAndRecord.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { methodNotOffered } from './methodNotOffered.ts';

/** Blocks the check makes (one self-transfer each): enough for order, gaps and duplicates to show. */
const nudges = 3;
const pollMs = 100;

/**
 * EV-02 — JR/T 0193-2020 6.5 (event distribution): a client following new blocks is told about every
 * block, once, in order. JSON-RPC offers this over HTTP as a polled block filter (eth_newBlockFilter +
 * eth_getFilterChanges); the WebSocket eth_subscribe("newHeads") of the catalogue needs a transport the
 * adapter port does not have, so it is not probed here.
 *
 * The check reads the head h0, installs a block filter, reads the head h1, then three times sends a
 * self-transfer, waits for its receipt and polls the filter; after the last it keeps polling (every
 * 100 ms, at most receiptTimeoutMs) until the block of the last transfer has been delivered, then once
 * more, and uninstalls the filter.
 *
 * Comparison policy: every delivered item must be a 32-byte hash of a block (eth_getBlockByHash), and
 * the canonical one at its height (eth_getBlockByNumber); no hash twice; heights consecutive and
 * increasing, from the first block after the install (h0 + 1 .. h1 + 1) to at least the last transfer's
 * block, so every block in between was delivered. A first hash of the block that was head at install
 * time is tolerated and recorded (Hardhat 2.29.1 delivers it; the method's text says "new block
 * arrives"). eth_uninstallFilter must answer true. An error or malformed answer is a `fail`, except an
 * endpoint that does not serve eth_newBlockFilter at all (-32601/-32004): `skip`, since it may deliver
 * blocks over a WebSocket subscription this check does not probe.
 */
export const eventNewHeads = defineCheck({
  id: 'event-new-heads',
  catalogueId: 'EV-02',
  kind: 'conformance',
  title: { zh: '新区块通知完整、有序、不重复', en: 'New-block notifications: every block, once, in order' },
  requires: ['tx.clientSign', 'tx.receipts', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs],
  faults: ['filter-changes-skip'],
  budget: () => [{ kind: 'transfer', count: nudges }],
  description:
    'Installs a block filter (eth_newBlockFilter), makes three blocks with self-transfers while polling ' +
    'eth_getFilterChanges, and checks each delivered hash with eth_getBlockByHash and eth_getBlockByNumber. Passes ' +
    'when every block from the first after the install to the last transfer’s is delivered exactly once, in ' +
    'order, as the canonical block at its height, and the filter uninstalls.',
  failsWhen:
    'A block is skipped, delivered twice or out of order, a delivered hash is not the canonical block at its ' +
    'height, or a filter call fails or answers malformed data.',
  async run({ adapter, params, account }) {
    const trace = createRpcTrace(adapter.rpc);
    const evidence: Record<string, unknown> = {};
    const finish = (extra: Record<string, unknown> = {}) => ({
      ...evidence,
      ...extra,
      rpc: trace.exchanges(),
    });
    const fail = (summary: string, extra: Record<string, unknown> = {}) => ({
      status: 'fail' as const,
      summary,
      evidence: finish(extra),
    });

    const before = await trace.read('eth_blockNumber', [], QuantityShape);
    if (!before.ok) return fail(before.problem);
    const install = await trace.request('eth_newBlockFilter', []);
    const unserved = methodNotOffered('eth_newBlockFilter', install, finish());
    if (unserved !== undefined) return unserved;
    const installed = FilterIdShape.safeParse(install.kind === 'result' ? install.result : undefined);
    if (!installed.success) {
      return fail(
        `eth_newBlockFilter answered ${install.kind === 'result' ? `a malformed filter id ${JSON.stringify(install.result)?.slice(0, 60)}` : `error ${install.error.code} "${install.error.message.slice(0, 120)}"`}`,
      );
    }
    const filterId = installed.data;
    const after = await trace.read('eth_blockNumber', [], QuantityShape);
    if (!after.ok) return fail(after.problem);
    const h0 = before.value;
    const h1 = after.value;
    evidence.filterId = filterId;
    evidence.headAtInstall = { before: h0.toString(), after: h1.toString() };

    const delivered: string[] = [];
    const poll = async (): Promise<string | undefined> => {
      const changes = await trace.read('eth_getFilterChanges', [filterId], z.array(Hash32Shape));
      if (!changes.ok) return `eth_getFilterChanges: ${changes.problem}`;
      delivered.push(...changes.value);
      return undefined;
    };
    const made: bigint[] = [];
    for (let i = 0; i < nudges; i++) {
      const sent = await sendAndRecord(
        adapter.transactions,
        trace,
        { kind: 'transfer', to: account.address, amount: 0n },
        account,
        { gasLimit: 21_000n, timeoutMs: params.receiptTimeoutMs },
      );
      if (sent.kind !== 'recorded')
        return fail(describeUnrecorded(`self-transfer ${i + 1}`, sent, params.receiptTimeoutMs));
      made.push(sent.receipt.blockNumber);
      const problem = await poll();
      if (problem !== undefined) return fail(problem);
    }
    const last = made[made.length - 1]!;
    evidence.transferBlocks = made.map(String);

    // Filters may be fed asynchronously: a block can be readable a moment before the filter has it.
    const heights = new Map<string, bigint>();
    const deadline = Date.now() + params.receiptTimeoutMs;
    const problems: string[] = [];
    for (;;) {
      const unknown = delivered.filter((hash) => !heights.has(hash));
      for (const hash of unknown) {
        const block = await trace.read('eth_getBlockByHash', [hash, false], BlockShape.nullable());
        if (!block.ok) return fail(`eth_getBlockByHash(${hash}), a delivered hash: ${block.problem}`);
        if (block.value === null) {
          problems.push(`the filter delivered ${hash}, which is no block (eth_getBlockByHash answers null)`);
          heights.set(hash, -1n);
        } else heights.set(hash, block.value.number);
      }
      const top = [...heights.values()].reduce((a, b) => (b > a ? b : a), -1n);
      if (top >= last || Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      const problem = await poll();
      if (problem !== undefined) return fail(problem);
    }
    // One more poll: whatever was delivered must not come again.
    const settled = delivered.length;
    const final = await poll();
    if (final !== undefined) return fail(final);
    for (const hash of delivered.slice(settled)) {
      if (!heights.has(hash)) {
        const block = await trace.read('eth_getBlockByHash', [hash, false], BlockShape.nullable());
        heights.set(hash, block.ok && block.value !== null ? block.value.number : -1n);
      }
    }
    const uninstalled = await trace.request('eth_uninstallFilter', [filterId]);
    if (uninstalled.kind !== 'result' || uninstalled.result !== true) {
      problems.push(
        `eth_uninstallFilter(${filterId}) answered ${uninstalled.kind === 'result' ? JSON.stringify(uninstalled.result) : `error ${uninstalled.error.code}`}, not true`,
      );
    }

    const seen = new Set<string>();
    let tolerated: string | undefined;
    for (const [i, hash] of delivered.entries()) {
      const height = heights.get(hash) ?? -1n;
      if (seen.has(hash)) problems.push(`block ${height} (${hash}) was delivered twice`);
      seen.add(hash);
      if (height < 0n) continue;
      const canonical = await trace.read(
        'eth_getBlockByNumber',
        [quantity(height), false],
        BlockShape.nullable(),
      );
      if (!canonical.ok) problems.push(`eth_getBlockByNumber(${height}): ${canonical.problem}`);
      else if (canonical.value?.hash !== hash)
        problems.push(
          `the filter delivered ${hash} for height ${height}, whose canonical block is ${canonical.value?.hash ?? 'missing'}`,
        );
      if (i === 0) {
        if (height < h0)
          problems.push(`the first block delivered is ${height}, older than the head ${h0} at install`);
        else if (height > h1 + 1n)
          problems.push(
            `the first block delivered is ${height}; block ${h1 + 1n}, the first after the install, is missing`,
          );
        else if (height === h0)
          tolerated = `the first hash delivered is block ${height}, the head when the filter was installed`;
      } else {
        const previous = heights.get(delivered[i - 1]!) ?? -1n;
        if (previous >= 0n && height !== previous + 1n && hash !== delivered[i - 1]) {
          problems.push(
            height > previous + 1n
              ? `blocks ${previous + 1n}..${height - 1n} were not delivered (block ${previous} then ${height})`
              : `block ${height} was delivered after block ${previous}`,
          );
        }
      }
    }
    const top = [...heights.values()].reduce((a, b) => (b > a ? b : a), -1n);
    if (delivered.length === 0)
      problems.push(`no block was delivered, although blocks ${made.join(', ')} were made after the install`);
    else if (top < last)
      problems.push(
        `block ${last}, made after the install, was not delivered within ${params.receiptTimeoutMs} ms`,
      );

    const deliveredHeights = delivered.map((hash) => (heights.get(hash) ?? -1n).toString());
    const expected = {
      heights: `consecutive from ${h1 + 1n} to at least ${last}, each once`,
      uninstall: true,
    };
    const actual = { heights: deliveredHeights };
    evidence.delivered = delivered.map((hash, i) => ({ hash, height: deliveredHeights[i] }));
    if (problems.length > 0) {
      return {
        status: 'fail',
        summary: joinProblems(problems),
        expected,
        actual,
        evidence: finish({ problems }),
      };
    }
    return {
      status: 'pass',
      summary: `the block filter delivered blocks ${deliveredHeights[0]}..${deliveredHeights[deliveredHeights.length - 1]} once each, in order, as the canonical blocks${tolerated === undefined ? '' : ` (tolerated: ${tolerated})`}`,
      expected,
      actual,
      evidence: finish(tolerated === undefined ? {} : { tolerated }),
    };
  },
});
