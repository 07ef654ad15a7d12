import type { FaultContext, FaultDefinition } from '../defineFault.ts';
import { defineFault } from '../defineFault.ts';
import { blockSizeInflated } from '../faults/blockSizeInflated.ts';
import { blockTxCountWrong } from '../faults/blockTxCountWrong.ts';
import { commitDelayed, type SubmissionTimes } from '../faults/commitDelayed.ts';
import { gasUsedMisreported } from '../faults/gasUsedMisreported.ts';
import { historyPruned } from '../faults/historyPruned.ts';
import { nodeDivergentStateRoot, quantity } from '../faults/nodeDivergentStateRoot.ts';
import { peerCountMalformed } from '../faults/peerCountMalformed.ts';
import { reorgAfterInclusion, reorgRewrites } from '../faults/reorgAfterInclusion.ts';
import { stateProofForged } from '../faults/stateProofForged.ts';
import { syncStatusUnavailable } from '../faults/syncStatusUnavailable.ts';
import { stampedBackwards, timestampBackwards } from '../faults/timestampBackwards.ts';
import { timestampSkewed } from '../faults/timestampSkewed.ts';
import { txByIndexOffByOne } from '../faults/txByIndexOffByOne.ts';
import { txNotPropagated } from '../faults/txNotPropagated.ts';
import { wrongLogsBloom } from '../faults/wrongLogsBloom.ts';
import { wrongReceiptsRoot } from '../faults/wrongReceiptsRoot.ts';
import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';

const blockMethods = new Set(['eth_getBlockByNumber', 'eth_getBlockByHash']);

/** The chain's height, asked of the chain itself (undefined when it does not answer: the fault then does not apply). */
async function chainHead({ upstream }: FaultContext): Promise<bigint | undefined> {
  const head = await upstream.call('eth_blockNumber', []);
  return typeof head === 'string' ? quantity(head) : undefined;
}

/** The chain's timestamp of the parent of the block in `response`, when the fault rewrites that block. */
async function parentTimestamp(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  { upstream }: FaultContext,
): Promise<bigint | undefined> {
  const block = response.result;
  if (!blockMethods.has(request.method) || typeof block !== 'object' || block === null) return undefined;
  const n = quantity((block as Record<string, unknown>).number);
  if (!stampedBackwards(n)) return undefined;
  const parent = await upstream.call('eth_getBlockByNumber', [`0x${(n - 1n).toString(16)}`, false]);
  const stamp =
    typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>).timestamp : undefined;
  return typeof stamp === 'string' ? quantity(stamp) : undefined;
}

/** Faults for the ledger checks (append new ones at the end; never rename). */
export const ledgerFaults = [
  defineFault({
    name: 'node-divergent-state-root',
    description:
      'one node of the network reports stateRoot = keccak256(real stateRoot) for every block after genesis (eth_getBlockByNumber/ByHash)',
    appliesTo: 'second-endpoint',
    rewrite: (request, response, { state }) => nodeDivergentStateRoot(request, response, state),
  }),
  defineFault({
    name: 'tx-not-propagated',
    description:
      'one node of the network answers null to eth_getTransactionReceipt and eth_getTransactionByHash for every transaction not submitted through it',
    appliesTo: 'second-endpoint',
    rewrite: (request, response, { state }) => txNotPropagated(request, response, state),
  }),
  defineFault({
    name: 'history-pruned',
    description:
      'eth_getBlockByNumber/ByHash answer null for blocks 1 to head - 8 (only genesis and the last 8 blocks are kept)',
    async rewrite(request, response, context) {
      if (!blockMethods.has(request.method)) return response;
      return historyPruned(request, response, await chainHead(context));
    },
  }),
  defineFault({
    name: 'state-proof-forged',
    description:
      "eth_getProof answers report balance + 1 wei while the proof nodes are the chain's (the reported account is not the proven one)",
    rewrite: (request, response, { state }) => stateProofForged(request, response, state),
  }),
  defineFault({
    name: 'reorg-after-inclusion',
    description:
      'blocks 2 or more below the head are served with hash = keccak256(real hash) (their child names it as parent), and receipts and transaction lookups in them carry that block hash: the block holding a transaction is replaced after inclusion',
    async rewrite(request, response, context) {
      if (!reorgRewrites(request.method) || typeof response.result !== 'object' || response.result === null)
        return response;
      return reorgAfterInclusion(request, response, await chainHead(context));
    },
  }),
  defineFault({
    name: 'timestamp-skewed',
    description: "eth_getBlockByNumber/ByHash report every block's timestamp 3600 s later than the chain's",
    rewrite: (request, response, { state }) => timestampSkewed(request, response, state),
  }),
  defineFault({
    name: 'timestamp-backwards',
    description:
      "eth_getBlockByNumber/ByHash report every even-numbered block from 2 with timestamp = its parent's timestamp - 1 s",
    async rewrite(request, response, context) {
      return timestampBackwards(request, response, await parentTimestamp(request, response, context));
    },
  }),
  defineFault({
    name: 'block-size-inflated',
    description: 'eth_getBlockByNumber/ByHash report size = 64 x the real size',
    rewrite: (request, response, { state }) => blockSizeInflated(request, response, state),
  }),
  defineFault({
    name: 'tx-by-index-off-by-one',
    description:
      'eth_getTransactionByBlockNumberAndIndex/ByBlockHashAndIndex(i) answer for index i + 1 (the next transaction, or null for the last)',
    rewriteRequest: (request) => txByIndexOffByOne(request),
  }),
  defineFault({
    name: 'block-tx-count-wrong',
    description: 'eth_getBlockTransactionCountByNumber/ByHash answer the real count + 1',
    rewrite: (request, response, { state }) => blockTxCountWrong(request, response, state),
  }),
  defineFault({
    name: 'wrong-receipts-root',
    description: 'blocks with at least one transaction carry receiptsRoot = keccak256(real root)',
    rewrite: (request, response, { state }) => wrongReceiptsRoot(request, response, state),
  }),
  defineFault({
    name: 'wrong-logs-bloom',
    description:
      'receipts with at least one log carry an all-zero logsBloom (eth_getTransactionReceipt, eth_getBlockReceipts)',
    rewrite: (request, response, { state }) => wrongLogsBloom(request, response, state),
  }),
  defineFault({
    name: 'gas-used-misreported',
    description: 'blocks with at least one transaction report gasUsed = real gasUsed + 21000',
    rewrite: (request, response, { state }) => gasUsedMisreported(request, response, state),
  }),
  defineFault({
    name: 'commit-delayed',
    description:
      'eth_getTransactionReceipt answers null until 6 s after the transaction was submitted through this endpoint (or, if submitted elsewhere, first asked about)',
    rewrite: (request, response, context) =>
      commitDelayed(
        request,
        response,
        context.memory<SubmissionTimes>(() => new Map()),
        Date.now(),
      ),
  }),
  defineFault({
    name: 'peer-count-malformed',
    description: 'net_peerCount is answered with the JSON number 25 instead of a hex quantity string',
    intercept: (request) => peerCountMalformed(request),
  }),
  defineFault({
    name: 'sync-status-unavailable',
    description: 'eth_syncing is answered with error -32601 "Method not found"',
    intercept: (request) => syncStatusUnavailable(request),
  }),
] as const satisfies readonly FaultDefinition[];
