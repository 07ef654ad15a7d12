import { z } from 'zod';

/** JSON-RPC hex quantities and data, as the Ethereum execution API specifies them. */
export const HexSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]*$/, 'expected 0x-prefixed hex') as unknown as z.ZodType<`0x${string}`>;
export const Hash32Schema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 32-byte hash') as unknown as z.ZodType<`0x${string}`>;
export const AddressSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 20-byte address') as unknown as z.ZodType<`0x${string}`>;
export const QuantitySchema = HexSchema.transform((h) => BigInt(h === '0x' ? 0 : h));

/** Header fields read by checks; unknown fields stay in the raw object for recomputation. */
export const RpcBlockSchema = z
  .object({
    number: QuantitySchema,
    hash: Hash32Schema,
    parentHash: Hash32Schema,
    timestamp: QuantitySchema,
    transactionsRoot: Hash32Schema,
    transactions: z.array(z.union([Hash32Schema, z.object({ hash: Hash32Schema }).loose()])),
  })
  .loose();

export const RpcLogSchema = z
  .object({ address: AddressSchema, topics: z.array(Hash32Schema), data: HexSchema })
  .loose();

export const RpcReceiptSchema = z
  .object({
    transactionHash: Hash32Schema,
    status: z.enum(['0x0', '0x1']),
    blockNumber: QuantitySchema,
    blockHash: Hash32Schema,
    from: AddressSchema,
    to: AddressSchema.nullable(),
    gasUsed: QuantitySchema,
    /** Absent on nodes older than London; the outcome then has no cost. */
    effectiveGasPrice: QuantitySchema.optional(),
    contractAddress: AddressSchema.nullable().optional(),
    logs: z.array(RpcLogSchema),
  })
  .loose();

/** The head block's fee fields (EIP-1559 `baseFeePerGas` is absent before London). */
export const RpcBlockHeadSchema = z
  .object({ number: QuantitySchema, baseFeePerGas: QuantitySchema.optional() })
  .loose();
