import { defineFault } from '../defineFault.ts';
import { adminNamespaceExposed } from '../faults/adminNamespaceExposed.ts';
import { balanceDrift } from '../faults/balanceDrift.ts';
import { brokenParentLink } from '../faults/brokenParentLink.ts';
import { dropTransactions } from '../faults/dropTransactions.ts';
import { failedReceiptDropped } from '../faults/failedReceiptDropped.ts';
import { forgedBlockHash } from '../faults/forgedBlockHash.ts';
import { lyingReceipts } from '../faults/lyingReceipts.ts';
import { replayAccepted } from '../faults/replayAccepted.ts';
import { resolvePendingCalls, revertLeaksState } from '../faults/revertLeaksState.ts';
import { tamperedTxAccepted } from '../faults/tamperedTxAccepted.ts';
import { wrongChainIdAccepted } from '../faults/wrongChainIdAccepted.ts';
import { wrongTransactionsRoot } from '../faults/wrongTransactionsRoot.ts';
import { positionalParam } from '../JsonRpcMessage.ts';

/**
 * The first faults, in their original order (the order hooks run in). Transport faults (TLS, slow,
 * garbage, huge) and the whole-body wrong-error-codes are applied by the proxy server itself.
 */
export const coreFaults = [
  defineFault({
    name: 'forged-block-hash',
    description: 'blocks from eth_getBlockByNumber/eth_getBlockByHash carry hash = keccak256(real hash)',
    rewrite: (request, response, { state }) => forgedBlockHash(request, response, state),
  }),
  defineFault({
    name: 'broken-parent-link',
    description: 'blocks with number >= 1 carry parentHash = keccak256(real parentHash)',
    rewrite: (request, response, { state }) => brokenParentLink(request, response, state),
  }),
  defineFault({
    name: 'wrong-transactions-root',
    description: 'blocks with at least one transaction carry transactionsRoot = keccak256(real root)',
    rewrite: (request, response, { state }) => wrongTransactionsRoot(request, response, state),
  }),
  defineFault({
    name: 'replay-accepted',
    description:
      'eth_sendRawTransaction of bytes already sent through the proxy that the chain rejects is answered with result keccak256(raw)',
    rewrite: (request, response, { state }) => replayAccepted(request, response, state),
  }),
  defineFault({
    name: 'wrong-chain-id-accepted',
    description:
      "a raw transaction whose EIP-155 chain id differs from the chain's, rejected by the chain, is answered with result keccak256(raw)",
    rewrite: (request, response, { state }) => wrongChainIdAccepted(request, response, state),
  }),
  defineFault({
    name: 'tampered-tx-accepted',
    description:
      'any other raw transaction the chain rejects (first submission, right or no chain id) is answered with result keccak256(raw)',
    rewrite: (request, response, { state }) => tamperedTxAccepted(request, response, state),
  }),
  defineFault({
    name: 'lying-receipts',
    description: 'receipts with status 0x0 are returned with status 0x1',
    rewrite: (request, response, { state }) => lyingReceipts(request, response, state),
  }),
  defineFault({
    name: 'failed-receipt-dropped',
    description: 'eth_getTransactionReceipt answers null when the real receipt has status 0x0',
    rewrite: (request, response, { state }) => failedReceiptDropped(request, response, state),
  }),
  defineFault({
    name: 'revert-leaks-state',
    description:
      "eth_getStorageAt on the target of a reverted transaction returns the last 32 bytes of that transaction's input",
    async rewrite(request, response, { state, upstream }) {
      const address = positionalParam(request, 0);
      if (request.method === 'eth_getStorageAt' && typeof address === 'string') {
        await resolvePendingCalls(state, address, (txHash) =>
          upstream.call('eth_getTransactionReceipt', [txHash]),
        );
      }
      return revertLeaksState(request, response, state);
    },
  }),
  defineFault({
    name: 'admin-namespace-exposed',
    description:
      'admin_* methods are answered with plausible results, even where allowedNamespaces hides them',
    beforeAllowList: true,
    intercept: (request) => adminNamespaceExposed(request),
  }),
  defineFault({
    name: 'wrong-error-codes',
    description: 'every JSON-RPC error code is rewritten to -32000',
  }),
  defineFault({
    name: 'untrusted-certificate',
    description: 'over TLS, a self-signed certificate unrelated to the trusted test CA is served',
  }),
  defineFault({
    name: 'balance-drift',
    description: 'eth_getBalance results are reduced by 1 wei per raw transaction the proxy has forwarded',
    rewrite: (request, response, { state }) => balanceDrift(request, response, state),
  }),
  defineFault({
    name: 'drop-transactions',
    description: 'every 10th eth_sendRawTransaction is acknowledged with keccak256(raw) but never forwarded',
    intercept: (request, { state }) => dropTransactions(request, state),
  }),
  defineFault({
    name: 'slow-responses',
    description: 'every HTTP response is delayed by delayMs (default 1500 ms)',
  }),
  defineFault({
    name: 'garbage-responses',
    description: 'every request is answered HTTP 200 with a text body that is not JSON',
    transport: true,
  }),
  defineFault({
    name: 'huge-responses',
    description: 'every request is answered with a 64 MiB (otherwise valid) JSON-RPC body, streamed',
    transport: true,
  }),
] as const;
