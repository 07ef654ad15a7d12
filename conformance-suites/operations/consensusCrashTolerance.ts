import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { nodeRestartTimeoutMs } from './nodeRestartTimeoutMs.ts';
import { waitUntilAnswering } from './waitUntilAnswering.ts';

const pollMs = 200;
const messageOf = (error: unknown): string =>
  (error instanceof Error
    ? 'shortMessage' in error
      ? String(error.shortMessage)
      : error.message
    : String(error)
  ).split('\n')[0] ?? '';

/**
 * CON-03 — JR/T 0184-2020 7.3 (consensus keeps working while faulty nodes stay within the
 * theoretical bound) and 11.9 (fault tolerance: works and stays consistent). Through `node.control`
 * (the vendor's hooks), f = ⌊(n−1)/3⌋ of the n controllable validators are stopped — never the one
 * serving endpoint 0, through which the transaction is sent — then started again, whatever happens.
 *
 * Comparison policy: with f validators down, a self-transfer sent to endpoint 0 must commit within
 * receiptTimeoutMs, and every surviving endpoint mapped to a node (and endpoint 0) must show the same
 * block hash at that height within receiptTimeoutMs (no fork). Skipped with the reason when fewer than
 * 4 validators are controllable (n = 3f+1 needs f ≥ 1): the embedded anvil is one node. A hook that
 * fails before the experiment is inconclusive (error); nodes that do not come back afterwards are
 * reported in the summary and evidence.
 */
export const consensusCrashTolerance = defineCheck({
  id: 'consensus-crash-tolerance',
  catalogueId: 'CON-03',
  kind: 'conformance',
  title: { zh: '容忍 f 个共识节点宕机', en: 'Consensus tolerates f crashed validators of 3f+1' },
  requires: ['node.control', 'rpc.jsonrpc', 'block.read', 'tx.clientSign', 'tx.receipts'],
  parameters: [receiptTimeoutMs, nodeRestartTimeoutMs],
  faults: ['consensus-stalled'],
  budget: () => [{ kind: 'transfer', count: 1 }],
  description:
    'Stops f = floor((n-1)/3) of the n validators node.control controls (never the one serving endpoint 0), sends a ' +
    'self-transfer through endpoint 0, and compares the block that commits it on every surviving endpoint; then ' +
    'starts the stopped validators again. Passes when the transfer commits and every surviving endpoint has the same ' +
    'block. Skipped when fewer than 4 validators are controllable.',
  failsWhen:
    'With f validators down the transfer is refused or not committed within receiptTimeoutMs (the network lost ' +
    "liveness), or a surviving endpoint shows another block (or none) at the transfer's height (a fork).",
  async run({ adapter, network, params, account, signal }) {
    const control = adapter.nodes;
    const validators = control.nodes.flatMap((node, index) =>
      node.role === 'validator' ? [{ ...node, index }] : [],
    );
    const n = validators.length;
    if (n < 4) {
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: `CON-03 stops f of n = 3f+1 validators and needs n >= 4 (f >= 1); node.control controls ${n} validator(s)${n > 0 ? ` (${validators.map((v) => v.name).join(', ')})` : ''}; give a node-hooks file for at least 4 validators`,
        evidence: { nodes: control.nodes },
      };
    }
    const f = Math.floor((n - 1) / 3);
    const stopped = validators.filter((v) => v.endpointIndex !== 0).slice(-f);
    const survivors = control.nodes
      .map((node, index) => ({ ...node, index }))
      .filter((node) => !stopped.some((s) => s.index === node.index));
    const observers = new Map<number, { name: string; endpoint: ChainAdapter }>([
      [0, { name: 'endpoint 0', endpoint: adapter }],
    ]);
    for (const s of survivors) {
      const endpoint = s.endpointIndex === undefined ? undefined : network[s.endpointIndex];
      if (s.endpointIndex !== undefined && endpoint)
        observers.set(s.endpointIndex, { name: s.name, endpoint });
    }
    const stoppedNow: typeof stopped = [];
    const restored: { name: string; answeredAfterMs: number | null; error?: string }[] = [];
    let verdict: { status: 'pass' | 'fail' | 'error'; summary: string; details: Record<string, unknown> };
    try {
      for (const v of stopped) {
        await control.stop(v.index);
        stoppedNow.push(v);
      }
      const signed = await adapter.transactions.sign(
        { kind: 'transfer', to: account.address, amount: 0n },
        account,
      );
      const answer = await adapter.transactions.submit(signed);
      const outcome = answer.accepted
        ? await adapter.transactions.awaitOutcome(answer.txId, params.receiptTimeoutMs)
        : null;
      if (outcome === null) {
        verdict = {
          status: 'fail',
          summary: `with ${f} of ${n} validators stopped (${stopped.map((v) => v.name).join(', ')}), the transfer ${answer.accepted ? `${signed.txId} was not committed within ${params.receiptTimeoutMs} ms` : `was refused: ${answer.error.code} ${answer.error.message}`}: the network lost liveness within its fault bound`,
          details: { txId: signed.txId, answer },
        };
      } else {
        const views = [];
        for (const [endpointIndex, { name, endpoint }] of observers) {
          const deadline = Date.now() + params.receiptTimeoutMs;
          let block = await endpoint.ledger.getBlock(outcome.blockNumber);
          while (block === null && Date.now() < deadline && !signal.aborted) {
            await new Promise((resolve) => setTimeout(resolve, pollMs));
            block = await endpoint.ledger.getBlock(outcome.blockNumber);
          }
          views.push({
            endpointIndex,
            name,
            hash: block?.hash ?? null,
            hasTransfer: block?.txIds.includes(signed.txId) ?? false,
          });
        }
        const forks = views.filter((v) => v.hash !== outcome.blockHash || !v.hasTransfer);
        verdict =
          forks.length === 0
            ? {
                status: 'pass',
                summary: `with ${f} of ${n} validators stopped (${stopped.map((v) => v.name).join(', ')}), the transfer committed in block ${outcome.blockNumber} and all ${views.length} surviving endpoint(s) show it with hash ${outcome.blockHash}`,
                details: { txId: signed.txId, block: outcome.blockNumber.toString(), views },
              }
            : {
                status: 'fail',
                summary: `with ${f} of ${n} validators stopped, the surviving endpoints disagree on block ${outcome.blockNumber} (${outcome.blockHash} with the transfer): ${forks.map((v) => `endpoint ${v.endpointIndex} (${v.name}) ${v.hash === null ? 'has no such block' : `has ${v.hash}${v.hasTransfer ? '' : ' without the transfer'}`}`).join('; ')}`,
                details: { txId: signed.txId, block: outcome.blockNumber.toString(), views },
              };
      }
    } catch (error) {
      verdict = {
        status: 'error',
        summary: `node control could not stop ${stopped.length} validator(s) for the experiment: ${messageOf(error)}`,
        details: {},
      };
    } finally {
      for (const v of stoppedNow) {
        try {
          await control.start(v.index);
          const endpoint = v.endpointIndex === undefined ? undefined : network[v.endpointIndex];
          const answeredAfterMs = endpoint
            ? await waitUntilAnswering(endpoint.rpc, params.nodeRestartTimeoutMs, signal)
            : undefined;
          restored.push({ name: v.name, answeredAfterMs: answeredAfterMs ?? null });
        } catch (error) {
          restored.push({ name: v.name, answeredAfterMs: null, error: messageOf(error) });
        }
      }
    }
    const notBack = restored.filter((r) => r.error !== undefined);
    return {
      status: verdict.status,
      summary: `${verdict.summary}${notBack.length > 0 ? `; could not start again: ${notBack.map((r) => `${r.name} (${r.error})`).join(', ')}` : ''}`,
      expected: `the transfer commits and every surviving endpoint shows the same block, with ${f} of ${n} validators down`,
      evidence: {
        validators: n,
        f,
        stopped: stopped.map((v) => v.name),
        observers: [...observers].map(([i, o]) => ({ endpointIndex: i, name: o.name })),
        ...verdict.details,
        restored,
      },
    };
  },
});
