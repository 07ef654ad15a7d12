import { z } from 'zod';

/**
 * Every fault the proxy can inject. Names are stable (the `chaineval selftest` detection matrix and
 * reports refer to them); add new ones at the end, never rename.
 */
export const FaultNameSchema = z.enum([
  'forged-block-hash',
  'broken-parent-link',
  'wrong-transactions-root',
  'replay-accepted',
  'wrong-chain-id-accepted',
  'tampered-tx-accepted',
  'lying-receipts',
  'failed-receipt-dropped',
  'revert-leaks-state',
  'admin-namespace-exposed',
  'wrong-error-codes',
  'untrusted-certificate',
  'balance-drift',
  'drop-transactions',
  'slow-responses',
  'garbage-responses',
  'huge-responses',
]);
export type FaultName = z.infer<typeof FaultNameSchema>;

export interface FaultDescription {
  readonly description: string;
  /**
   * A fault that breaks the transport itself (garbage, huge answers): no check is built to fail
   * under it; every check must end `error` (inconclusive) with a clear message, never `pass`.
   * Which checks catch the other faults is declared by the checks (`faults`), and the detection
   * matrix is derived from the registry (detectionMatrix.ts).
   */
  readonly transport?: true;
}

/** What each fault does: the rows of the detection matrix. */
export const faultCatalogue: Readonly<Record<FaultName, FaultDescription>> = {
  'forged-block-hash': {
    description: 'blocks from eth_getBlockByNumber/eth_getBlockByHash carry hash = keccak256(real hash)',
  },
  'broken-parent-link': {
    description: 'blocks with number >= 1 carry parentHash = keccak256(real parentHash)',
  },
  'wrong-transactions-root': {
    description: 'blocks with at least one transaction carry transactionsRoot = keccak256(real root)',
  },
  'replay-accepted': {
    description:
      'eth_sendRawTransaction of bytes already sent through the proxy that the chain rejects is answered with result keccak256(raw)',
  },
  'wrong-chain-id-accepted': {
    description:
      "a raw transaction whose EIP-155 chain id differs from the chain's, rejected by the chain, is answered with result keccak256(raw)",
  },
  'tampered-tx-accepted': {
    description:
      'any other raw transaction the chain rejects (first submission, right or no chain id) is answered with result keccak256(raw)',
  },
  'lying-receipts': {
    description: 'receipts with status 0x0 are returned with status 0x1',
  },
  'failed-receipt-dropped': {
    description: 'eth_getTransactionReceipt answers null when the real receipt has status 0x0',
  },
  'revert-leaks-state': {
    description:
      "eth_getStorageAt on the target of a reverted transaction returns the last 32 bytes of that transaction's input",
  },
  'admin-namespace-exposed': {
    description:
      'admin_* methods are answered with plausible results, even where allowedNamespaces hides them',
  },
  'wrong-error-codes': {
    description: 'every JSON-RPC error code is rewritten to -32000',
  },
  'untrusted-certificate': {
    description: 'over TLS, a self-signed certificate unrelated to the trusted test CA is served',
  },
  'balance-drift': {
    description: 'eth_getBalance results are reduced by 1 wei per raw transaction the proxy has forwarded',
  },
  'drop-transactions': {
    description: 'every 10th eth_sendRawTransaction is acknowledged with keccak256(raw) but never forwarded',
  },
  'slow-responses': {
    description: 'every HTTP response is delayed by delayMs (default 1500 ms)',
  },
  'garbage-responses': {
    description: 'every request is answered HTTP 200 with a text body that is not JSON',
    transport: true,
  },
  'huge-responses': {
    description: 'every request is answered with a 64 MiB (otherwise valid) JSON-RPC body, streamed',
    transport: true,
  },
};
