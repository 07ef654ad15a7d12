import { z } from 'zod';

/**
 * What an adapter can do for a check. A check lists the capabilities it needs; when the adapter of a
 * target lacks one, the check is skipped with reason `unsupported-capability` instead of crashing.
 * Names follow shared/reference/vendors.md §3 where it has one; `rpc.jsonrpc`, `control.mining` and
 * the `account.*` names are ours. Released names never change meaning (reports compare across runs).
 *
 * Each capability promises a part of the adapter (capabilityParts below): an adapter that declares
 * `tx.clientSign` has `identities` and `transactions`, so a check that requires it receives them
 * typed as present (core/checks/defineCheck.ts), never through a non-null assertion.
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
  'account.balance',
  'account.nonce',
  'account.fund',
  'node.control',
  'consensus.validators',
  'governance.freeze',
  'perm.write',
  'contract.lifecycle',
]);
export type Capability = z.infer<typeof CapabilitySchema>;

/**
 * The adapter parts each capability guarantees. `ledger` is always present, so the ledger
 * capabilities add none. The type drives `AdapterWith<C>`; `missingParts` checks an adapter at run
 * time against the same table.
 */
export const capabilityParts = {
  'block.read': [],
  'block.parentLink': [],
  'block.header.hash': ['verifier'],
  'block.txRoot': ['verifier'],
  'tx.clientSign': ['identities', 'transactions'],
  'tx.chainIdBinding': ['identities', 'transactions'],
  'tx.tamper': ['identities', 'transactions'],
  'tx.receipts': ['transactions'],
  'contract.evm': ['evm', 'transactions'],
  'rpc.jsonrpc': ['rpc'],
  'control.mining': ['control'],
  'account.balance': ['accounts'],
  'account.nonce': ['accounts'],
  'account.fund': ['accounts', 'identities', 'transactions'],
  'node.control': ['nodes'],
  // Validator-set and seal reads of BFT chains (Besu qbft_*, FISCO getSealerList, ChainMaker validators).
  'consensus.validators': ['consensus'],
  // The governance capabilities act through the chain's governance API as the operator's admin identity.
  'governance.freeze': ['governance', 'identities', 'transactions'],
  'perm.write': ['governance', 'identities', 'transactions'],
  'contract.lifecycle': ['governance', 'identities', 'transactions'],
} as const satisfies Record<Capability, readonly string[]>;

/** Names of the adapter parts `capability` guarantees. */
export type PartOf<C extends Capability> = (typeof capabilityParts)[C][number];
