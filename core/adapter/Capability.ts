import { z } from 'zod';

/**
 * What an adapter can do for a check. A check lists the capabilities it needs; when the adapter of a
 * target lacks one, the check is skipped with reason `unsupported-capability` instead of crashing.
 * Names follow shared/reference/vendors.md §3 where it has one; `rpc.jsonrpc` and `control.mining`
 * are ours. Released names never change meaning (reports compare across runs).
 */
export const CapabilitySchema = z.enum([
  'block.read',
  'block.parentLink',
  'block.header.hash',
  'block.txRoot',
  'tx.clientSign',
  'tx.chainIdBinding',
  'tx.tamper',
  'tx.receipts',
  'contract.evm',
  'rpc.jsonrpc',
  'control.mining',
]);
export type Capability = z.infer<typeof CapabilitySchema>;
