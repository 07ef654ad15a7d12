import type { BlockView } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { nodeRestartTimeoutMs } from './nodeRestartTimeoutMs.ts';
import { waitUntilAnswering } from './waitUntilAnswering.ts';
import { waitUntilSilent } from './waitUntilSilent.ts';

const hex = (n: bigint) => `0x${n.toString(16)}`;
const short = (value: unknown) => JSON.stringify(value)?.slice(0, 160) ?? 'undefined';

/**
 * OPS-03 (chaineval extension; standards.md §5 CON-05-like) — JR/T 0184-2020 16.6 (the ledger is
 * backed up and restorable) and 11.8 (a node that was down comes back consistent, without losing
 * data); issue 7 item 5. Needs `node.control` (the embedded anvil run with a state file, or the
 * vendor's hooks) over the node serving endpoint 0.
 *
 * Comparison policy: the step's account sends a self-transfer (so there is recent history), then the
 * check records the head, the hashes of blocks 0, 1, the middle, the transfer's and the head, the
 * transfer and its receipt and the account's balance; stops the node and waits to see its endpoint
 * go silent (a stop hook that does nothing leaves nothing verified: error), starts it, waits up to
 * nodeRestartTimeoutMs for it to answer, and reads them all again. Pass when the head did not go
 * back, every block has its hash (by number and by hash), the transfer and receipt are unchanged, the
 * balance is the same, and a new transfer commits. State at past blocks (eth_getBalance at the block
 * before the transfer) is recorded, not judged: full nodes prune historical state (anvil without
 * --preserve-historical-states refuses it after a restart). A failing hook is inconclusive (error).
 */
export const opsRestartKeepsHistory = defineCheck({
  id: 'ops-restart-keeps-history',
  catalogueId: 'OPS-03',
  kind: 'conformance',
  title: { zh: '节点重启后账本历史完整', en: 'A restarted node keeps its ledger history' },
  requires: ['node.control', 'rpc.jsonrpc', 'block.read', 'tx.clientSign', 'tx.receipts', 'account.balance'],
  parameters: [receiptTimeoutMs, nodeRestartTimeoutMs],
  faults: ['restart-loses-history'],
  budget: () => [{ kind: 'transfer', count: 2 }],
  description:
    'Sends a self-transfer, records the head, five block hashes, the transfer, its receipt and the balance, stops the ' +
    'node serving endpoint 0 through node.control, sees it go silent, starts it, waits for it to answer, and reads ' +
    'everything again; then sends another transfer. Passes when nothing recorded changed or disappeared and the new ' +
    'transfer commits.',
  failsWhen:
    'After the restart the node does not answer within nodeRestartTimeoutMs, its head went back, a recorded block is ' +
    'missing or has another hash, the transfer or its receipt is gone or changed, the balance differs, or a new transfer ' +
    'does not commit.',
  async run({ adapter, params, account, signal }) {
    const control = adapter.nodes;
    const index = control.nodes.findIndex((n) => n.endpointIndex === 0);
    const node = control.nodes[index];
    if (node === undefined) {
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: `none of the ${control.nodes.length} controllable node(s) serves endpoint 0, the endpoint the check reads; give one "endpoint: 0" in the node-hooks file`,
        evidence: { nodes: control.nodes },
      };
    }
    const transfer = async () => {
      const signed = await adapter.transactions.sign(
        { kind: 'transfer', to: account.address, amount: 1n },
        account,
      );
      const answer = await adapter.transactions.submit(signed);
      const outcome = answer.accepted
        ? await adapter.transactions.awaitOutcome(answer.txId, params.receiptTimeoutMs)
        : null;
      return { txId: signed.txId, answer, outcome };
    };
    const first = await transfer();
    if (first.outcome === null) {
      return {
        status: 'fail',
        summary: `before any restart, the node did not record a self-transfer (${first.answer.accepted ? `${first.txId} not on the ledger after ${params.receiptTimeoutMs} ms` : `${first.answer.error.code} ${first.answer.error.message}`})`,
        evidence: { txId: first.txId, answer: first.answer },
      };
    }
    const txBlock = first.outcome.blockNumber;
    const head = await adapter.ledger.getHeight();
    const numbers = [...new Set([0n, 1n, head / 2n, txBlock, head])]
      .filter((n) => n <= head)
      .sort((a, b) => (a < b ? -1 : 1));
    const blocksBefore = new Map<bigint, BlockView | null>();
    for (const n of numbers) blocksBefore.set(n, await adapter.ledger.getBlock(n));
    const receiptBefore = await adapter.rpc.request('eth_getTransactionReceipt', [first.txId]);
    const txBefore = await adapter.rpc.request('eth_getTransactionByHash', [first.txId]);
    const balanceBefore = await adapter.accounts.getBalance(account.address);
    const pastState = [account.address, hex(txBlock > 0n ? txBlock - 1n : 0n)];
    const pastBalanceBefore = await adapter.rpc.request('eth_getBalance', pastState);

    // Stop, see the endpoint go silent, start, see it answer: a hook that does nothing cannot pass.
    const hookFailure = (action: string, error: unknown) => ({
      status: 'error' as const,
      summary: `node control could not ${action} node "${node.name}": ${error instanceof Error ? ('shortMessage' in error ? String(error.shortMessage) : error.message).split('\n')[0] : String(error)}`,
      evidence: { node: node.name },
    });
    try {
      await control.stop(index);
    } catch (error) {
      return hookFailure('stop', error);
    }
    const silentAfterMs = await waitUntilSilent(adapter.rpc, params.nodeRestartTimeoutMs, signal);
    try {
      await control.start(index);
    } catch (error) {
      return hookFailure('start', error);
    }
    if (silentAfterMs === undefined) {
      return {
        status: 'error',
        summary: `node "${node.name}" kept answering for ${params.nodeRestartTimeoutMs} ms after its stop hook returned: no restart was observed, so nothing was verified`,
        evidence: { node: node.name },
      };
    }
    const answeredAfterMs = await waitUntilAnswering(adapter.rpc, params.nodeRestartTimeoutMs, signal);
    const restart = { node: node.name, silentAfterMs, answeredAfterMs: answeredAfterMs ?? null };
    const recorded = {
      head: head.toString(),
      blocks: [...blocksBefore].map(([n, b]) => ({ number: n.toString(), hash: b?.hash ?? null })),
      transfer: first.txId,
      receipt: short(receiptBefore),
      balance: balanceBefore.toString(),
      pastState: {
        request: { method: 'eth_getBalance', params: pastState },
        before: short(pastBalanceBefore),
      },
    };
    if (answeredAfterMs === undefined) {
      return {
        status: 'fail',
        summary: `node "${node.name}" did not answer JSON-RPC within ${params.nodeRestartTimeoutMs} ms of its restart`,
        expected: 'the node answers again after its restart',
        actual: 'no answer',
        evidence: { restart, recorded },
      };
    }

    const problems: string[] = [];
    const headAfter = await adapter.ledger.getHeight();
    if (headAfter < head) problems.push(`the head went back from ${head} to ${headAfter}`);
    const blocksAfter = [];
    for (const [n, before] of blocksBefore) {
      const after = await adapter.ledger.getBlock(n);
      blocksAfter.push({ number: n.toString(), hash: after?.hash ?? null });
      if (before === null) continue;
      if (after === null) problems.push(`block ${n} is gone (it was ${before.hash})`);
      else if (after.hash !== before.hash)
        problems.push(`block ${n} is ${after.hash}, it was ${before.hash}`);
    }
    const byHash = await adapter.rpc.request('eth_getBlockByHash', [first.outcome.blockHash, false]);
    if (byHash.kind !== 'result' || byHash.result === null)
      problems.push(
        `eth_getBlockByHash(${first.outcome.blockHash}) no longer finds the transfer's block (${short(byHash)})`,
      );
    const receiptAfter = await adapter.rpc.request('eth_getTransactionReceipt', [first.txId]);
    if (short(receiptAfter) !== short(receiptBefore))
      problems.push(`the receipt of ${first.txId} changed: ${short(receiptAfter)}`);
    const txAfter = await adapter.rpc.request('eth_getTransactionByHash', [first.txId]);
    if (JSON.stringify(txAfter) !== JSON.stringify(txBefore))
      problems.push(`eth_getTransactionByHash(${first.txId}) changed: ${short(txAfter)}`);
    const balanceAfter = await adapter.accounts.getBalance(account.address);
    if (balanceAfter !== balanceBefore)
      problems.push(`the balance of ${account.address} is ${balanceAfter}, it was ${balanceBefore}`);
    const pastBalanceAfter = await adapter.rpc.request('eth_getBalance', pastState);
    // The new transfer needs the node's latest block (fees); a node that lost its blocks may not
    // serve it. When the lost history already decides the verdict, that is one more finding;
    // otherwise the harness could not finish the check (inconclusive).
    let second: Awaited<ReturnType<typeof transfer>>;
    try {
      second = await transfer();
    } catch (error) {
      if (problems.length === 0) throw error;
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return {
        status: 'fail',
        summary: `after restarting node "${node.name}": ${problems.join('; ')}; a new self-transfer could not be prepared (${reason})`,
        expected: 'head, blocks, transfer, receipt and balance as before the restart; new transfers commit',
        actual: problems,
        evidence: { restart, recorded, after: { head: headAfter.toString(), blocks: blocksAfter } },
      };
    }
    if (second.outcome === null)
      problems.push(
        `after the restart a new self-transfer ${second.answer.accepted ? `${second.txId} was not recorded within ${params.receiptTimeoutMs} ms` : `was refused: ${second.answer.error.code} ${second.answer.error.message}`}`,
      );
    const evidence = {
      restart,
      recorded,
      after: {
        head: headAfter.toString(),
        blocks: blocksAfter,
        receipt: short(receiptAfter),
        balance: balanceAfter.toString(),
        pastState: short(pastBalanceAfter),
        newTransfer:
          second.outcome === null
            ? null
            : { txId: second.txId, block: second.outcome.blockNumber.toString() },
      },
    };
    const pastStateNote =
      pastBalanceBefore.kind === 'result' && pastBalanceAfter.kind !== 'result'
        ? `; state at block ${pastState[1]} no longer served (${short(pastBalanceAfter)}): recorded, not judged`
        : '';
    const expected =
      'head, blocks, transfer, receipt and balance as before the restart; new transfers commit';
    if (problems.length > 0)
      return {
        status: 'fail',
        summary: `after restarting node "${node.name}": ${problems.join('; ')}${pastStateNote}`,
        expected,
        actual: problems,
        evidence,
      };
    return {
      status: 'pass',
      summary: `node "${node.name}" answered ${answeredAfterMs} ms after its restart with head ${headAfter} (was ${head}), ${blocksBefore.size} blocks, the transfer, its receipt and the balance unchanged, and a new transfer committed${pastStateNote}`,
      expected,
      actual: 'unchanged',
      evidence,
    };
  },
});
