import { z } from 'zod';
import type { Hex } from '#core/adapter/ChainAdapter.ts';
import {
  AddressShape,
  BloomShape,
  DataShape,
  Hash32Shape,
  QuantityShape,
} from '../../evm/jsonRpcPrimitives.ts';

export { AddressShape, BloomShape, DataShape, Hash32Shape, QuantityShape };

/**
 * The shapes of the Ethereum JSON-RPC values the ledger checks read, as ethereum/execution-apis
 * specifies them (src/schemas/base-types.yaml, block.yaml, receipt.yaml, state.yaml). Every object a
 * ledger check judges is validated with these first, so a malformed field is a `fail` naming it.
 * Only the fields the checks use are required; others pass through (`looseObject`), because the
 * rebuilds (block size, header hash) need the node's fields exactly as sent.
 */

/** A transaction object as blocks (full form) and the by-hash/by-index lookups return it. */
export const TransactionShape = z.looseObject({
  hash: Hash32Shape,
  blockHash: Hash32Shape.nullable(),
  blockNumber: QuantityShape.nullable(),
  transactionIndex: QuantityShape.nullable(),
  from: AddressShape,
  nonce: QuantityShape,
});
export type TransactionView = z.output<typeof TransactionShape>;

const headerFields = {
  number: QuantityShape,
  hash: Hash32Shape,
  parentHash: Hash32Shape,
  stateRoot: Hash32Shape,
  transactionsRoot: Hash32Shape,
  receiptsRoot: Hash32Shape,
  logsBloom: BloomShape,
  gasLimit: QuantityShape,
  gasUsed: QuantityShape,
  timestamp: QuantityShape,
  /** Not in every node's answer (the execution API does not require it); LED-09 says so when absent. */
  size: QuantityShape.optional(),
  uncles: z.array(Hash32Shape).optional(),
};

/** eth_getBlockBy* with `false`: transactions as hashes. */
export const BlockHeadShape = z.looseObject({ ...headerFields, transactions: z.array(Hash32Shape) });
export type BlockHead = z.output<typeof BlockHeadShape>;

/** eth_getBlockBy* with `true`: transactions as objects. */
export const FullBlockShape = z.looseObject({ ...headerFields, transactions: z.array(TransactionShape) });
export type FullBlock = z.output<typeof FullBlockShape>;

export const LogShape = z.looseObject({
  address: AddressShape,
  topics: z.array(Hash32Shape).max(4, 'a log has at most 4 topics (LOG0..LOG4)'),
  data: DataShape,
});
export type LogView = z.output<typeof LogShape>;

/**
 * A receipt (EIP-658 `status` since Byzantium; a pre-Byzantium `root` instead). `type` is the
 * EIP-2718 envelope type; absent means legacy.
 */
export const ReceiptShape = z
  .looseObject({
    transactionHash: Hash32Shape,
    transactionIndex: QuantityShape,
    blockHash: Hash32Shape,
    blockNumber: QuantityShape,
    from: AddressShape,
    to: AddressShape.nullable(),
    cumulativeGasUsed: QuantityShape,
    gasUsed: QuantityShape,
    contractAddress: AddressShape.nullable().optional(),
    logs: z.array(LogShape),
    logsBloom: BloomShape,
    status: z.enum(['0x0', '0x1']).optional(),
    root: Hash32Shape.optional(),
    type: QuantityShape.optional(),
  })
  .refine((r) => r.status !== undefined || r.root !== undefined, {
    message: 'a receipt carries status (EIP-658) or, before Byzantium, root',
    path: ['status'],
  });
export type ReceiptView = z.output<typeof ReceiptShape>;

/** eth_getProof (EIP-1186). */
export const AccountProofShape = z.looseObject({
  address: AddressShape,
  balance: QuantityShape,
  nonce: QuantityShape,
  codeHash: Hash32Shape,
  storageHash: Hash32Shape,
  accountProof: z.array(DataShape),
  storageProof: z.array(
    z.looseObject({
      /** Echoed as sent by geth (32 bytes), as a short quantity by others (Besu): any hex. */
      key: z
        .string()
        .regex(/^0x[0-9a-fA-F]{0,64}$/, 'expected a hex storage key of at most 32 bytes')
        .transform((s) => s.toLowerCase() as Hex),
      value: QuantityShape,
      proof: z.array(DataShape),
    }),
  ),
});
export type AccountProofView = z.output<typeof AccountProofShape>;
