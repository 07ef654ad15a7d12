import { z } from 'zod';
import { AddressShape, BloomShape, DataShape, Hash32Shape, QuantityShape } from '../evm/jsonRpcPrimitives.ts';

export { AddressShape, BloomShape, DataShape, Hash32Shape, QuantityShape };

/**
 * The shapes of the Ethereum JSON-RPC values the contract and event checks read, as
 * ethereum/execution-apis specifies them (src/schemas/base-types.yaml, receipt.yaml, filter.yaml).
 * A check validates every object it judges with these, so a malformed field becomes a `fail` that
 * names it, not a crash. Only the fields the checks use are required; others pass through.
 */

/**
 * A storage word: `bytes32`, or `0x` for an empty slot (valid `bytes`, and what ganache 7.9.2 answers;
 * shared/reference/toolchain.md), read as a number.
 */
export const StorageWordShape = z
  .string()
  .regex(/^0x(?:[0-9a-fA-F]{64})?$/, 'expected a 32-byte storage word (or 0x for an empty slot)')
  .transform((s) => (s === '0x' ? 0n : BigInt(s)));

/** A log as eth_getLogs, eth_getFilterChanges and receipts carry it (execution-apis `Log`). */
export const LogShape = z.looseObject({
  address: AddressShape,
  topics: z.array(Hash32Shape).max(4, 'a log has at most 4 topics'),
  data: DataShape,
  blockNumber: QuantityShape,
  blockHash: Hash32Shape,
  transactionHash: Hash32Shape,
  transactionIndex: QuantityShape,
  logIndex: QuantityShape,
  /** Absent is read as false; `true` only for logs of a block reorganised away. */
  removed: z.boolean().optional(),
});
export type Log = z.output<typeof LogShape>;

export const LogListShape = z.array(LogShape);

/** A transaction receipt (execution-apis `ReceiptInfo`), post-Byzantium: `status`, not `root`. */
export const ReceiptShape = z.looseObject({
  transactionHash: Hash32Shape,
  transactionIndex: QuantityShape,
  blockHash: Hash32Shape,
  blockNumber: QuantityShape,
  from: AddressShape,
  to: AddressShape.nullable(),
  contractAddress: AddressShape.nullable().optional(),
  status: z.enum(['0x0', '0x1'], 'expected status 0x0 or 0x1'),
  gasUsed: QuantityShape,
  cumulativeGasUsed: QuantityShape,
  logs: LogListShape,
  logsBloom: BloomShape,
});
export type Receipt = z.output<typeof ReceiptShape>;

/** A block header with transaction hashes (eth_getBlockByNumber/ByHash with `false`). */
export const BlockShape = z.looseObject({
  number: QuantityShape,
  hash: Hash32Shape,
  parentHash: Hash32Shape,
  gasUsed: QuantityShape,
  gasLimit: QuantityShape,
  logsBloom: BloomShape,
  transactions: z.array(Hash32Shape),
});
export type Block = z.output<typeof BlockShape>;

/** A transaction as eth_getTransactionByHash returns it (the fields the checks compare). */
export const TransactionShape = z.looseObject({
  hash: Hash32Shape,
  from: AddressShape,
  nonce: QuantityShape,
  gas: QuantityShape,
  blockNumber: QuantityShape.nullable(),
});
export type Transaction = z.output<typeof TransactionShape>;

/** A filter id: execution-apis says `uint`; nodes answer quantities (Hardhat "0x1") or 16-byte data (anvil). */
export const FilterIdShape = z.string().regex(/^0x[0-9a-fA-F]+$/, 'expected a hex filter id');

export { quantity } from '../evm/jsonRpcPrimitives.ts';
