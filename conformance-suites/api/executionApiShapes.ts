import { z } from 'zod';

/**
 * The shapes of blocks, transactions, receipts and logs as ethereum/execution-apis specifies them
 * (src/schemas/base-types.yaml, block.yaml, transaction.yaml, receipt.yaml at 033ca6e6), as zod
 * schemas whose issues name the field. Required members are the specification's; members it does
 * not define are allowed (nodes add their own, e.g. totalDifficulty) and listed apart in evidence.
 * Two recent additions are checked only when present and recorded when missing (see
 * toleratedAbsences): TransactionInfo.blockTimestamp and yParity on typed transactions (older
 * revisions of the specification carried only `v`).
 */

/** `uint`: 0x-prefixed lower-case hex without leading zeros ("0x0" for zero). */
export const Uint = z
  .string()
  .regex(/^0x(0|[1-9a-f][0-9a-f]*)$/, 'expected a uint quantity (0x, lower-case hex, no leading zeros)');
/** `bytes`: lower-case hex with an even number of digits. */
export const Bytes = z
  .string()
  .regex(/^0x([0-9a-f]{2})*$/, 'expected bytes (0x, lower-case hex, whole bytes)');
export const Hash32 = z
  .string()
  .regex(/^0x[0-9a-f]{64}$/, 'expected a 32-byte hash (64 lower-case hex digits)');
export const Address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 20-byte address');
const Bytes8 = z.string().regex(/^0x[0-9a-f]{16}$/, 'expected 8 bytes');
const Bytes256 = z.string().regex(/^0x[0-9a-f]{512}$/, 'expected a 256-byte bloom');
const Byte = z.string().regex(/^0x[0-9a-f]{1,2}$/, 'expected one byte');

const AccessList = z.array(z.looseObject({ address: Address, storageKeys: z.array(Hash32) }));

const BlockHeader = z.looseObject({
  hash: Hash32,
  parentHash: Hash32,
  sha3Uncles: Hash32,
  miner: Address,
  stateRoot: Hash32,
  transactionsRoot: Hash32,
  receiptsRoot: Hash32,
  logsBloom: Bytes256,
  difficulty: Uint.optional(),
  number: Uint,
  gasLimit: Uint,
  gasUsed: Uint,
  timestamp: Uint,
  extraData: Bytes,
  mixHash: Hash32,
  nonce: Bytes8,
  baseFeePerGas: Uint.optional(),
  withdrawalsRoot: Hash32.optional(),
  blobGasUsed: Uint.optional(),
  excessBlobGas: Uint.optional(),
  parentBeaconBlockRoot: Hash32.optional(),
  requestsHash: Hash32.optional(),
  size: Uint,
  uncles: z.array(Hash32),
  withdrawals: z
    .array(z.looseObject({ index: Uint, validatorIndex: Uint, address: Address, amount: Uint }))
    .optional(),
});

/** A block with transaction hashes (`eth_getBlockBy*(…, false)`). */
export const BlockWithHashes = BlockHeader.extend({ transactions: z.array(Hash32) });
/** A block with full transactions (`eth_getBlockBy*(…, true)`); each is checked with checkTransaction. */
export const BlockWithObjects = BlockHeader.extend({ transactions: z.array(z.unknown()) });

/** Members every signed transaction with block context has (TransactionInfo + TransactionSigned). */
const TransactionCommon = z.looseObject({
  blockHash: Hash32,
  blockNumber: Uint,
  blockTimestamp: Uint.optional(),
  from: Address,
  hash: Hash32,
  transactionIndex: Uint,
  type: Byte,
  nonce: Uint,
  to: Address.nullable().optional(),
  gas: Uint,
  value: Uint,
  input: Bytes,
  chainId: Uint.optional(),
  v: Uint.optional(),
  r: Uint,
  s: Uint,
  yParity: Byte.optional(),
});

/** Members each transaction type adds (transaction.yaml, Transaction<type>Unsigned `required`). */
const typeMembers: Record<string, z.ZodObject> = {
  '0x0': z.looseObject({ gasPrice: Uint, v: Uint }),
  '0x1': z.looseObject({ gasPrice: Uint, chainId: Uint, accessList: AccessList }),
  '0x2': z.looseObject({
    gasPrice: Uint,
    chainId: Uint,
    accessList: AccessList,
    maxFeePerGas: Uint,
    maxPriorityFeePerGas: Uint,
  }),
  '0x3': z.looseObject({
    to: Address,
    chainId: Uint,
    accessList: AccessList,
    maxFeePerGas: Uint,
    maxPriorityFeePerGas: Uint,
    maxFeePerBlobGas: Uint,
    blobVersionedHashes: z.array(Hash32),
  }),
  '0x4': z.looseObject({
    to: Address,
    chainId: Uint,
    accessList: AccessList,
    maxFeePerGas: Uint,
    maxPriorityFeePerGas: Uint,
    authorizationList: z.array(z.unknown()),
  }),
};

export const Log = z.looseObject({
  removed: z.boolean().optional(),
  logIndex: Uint,
  transactionIndex: Uint,
  transactionHash: Hash32,
  blockHash: Hash32,
  blockNumber: Uint,
  blockTimestamp: Uint.optional(),
  address: Address,
  data: Bytes,
  topics: z.array(Hash32).max(4, 'a log has at most 4 topics'),
});

export const Receipt = z.looseObject({
  type: Byte.optional(),
  transactionHash: Hash32,
  transactionIndex: Uint,
  blockHash: Hash32,
  blockNumber: Uint,
  from: Address,
  to: Address.nullable(),
  cumulativeGasUsed: Uint,
  gasUsed: Uint,
  blobGasUsed: Uint.optional(),
  contractAddress: Address.nullable(),
  logs: z.array(Log),
  logsBloom: Bytes256,
  root: Hash32.optional(),
  status: z.enum(['0x0', '0x1'], 'expected status 0x0 or 0x1').optional(),
  effectiveGasPrice: Uint,
  blobGasPrice: Uint.optional(),
});

/** One problem with one object, naming the member. */
export interface ShapeIssue {
  /** Where: `block 2 .transactions[0].nonce`, `receipt 0x… .logs[1].data`. */
  readonly at: string;
  readonly problem: string;
  readonly value?: string;
}

/** A recent addition to the specification an object lacks: recorded, not failed. */
export interface ToleratedAbsence {
  readonly at: string;
  readonly note: string;
}

const issuesOf = (label: string, error: z.ZodError, value: unknown): ShapeIssue[] =>
  error.issues.map((issue) => {
    let found: unknown = value;
    for (const key of issue.path) found = (found as Record<PropertyKey, unknown> | undefined)?.[key as never];
    return {
      at: `${label} .${issue.path.join('.')}`,
      problem: issue.message,
      ...(found === undefined ? {} : { value: JSON.stringify(found).slice(0, 80) }),
    };
  });

export function checkShape(label: string, schema: z.ZodType, value: unknown): ShapeIssue[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : issuesOf(label, parsed.error, value);
}

/** A receipt: its members, and `status` (post-Byzantium) or `root` (before). */
export function checkReceipt(label: string, value: unknown): ShapeIssue[] {
  const issues = checkShape(label, Receipt, value);
  const receipt = value as { status?: unknown; root?: unknown } | null;
  if (
    receipt !== null &&
    typeof receipt === 'object' &&
    receipt.status === undefined &&
    receipt.root === undefined
  )
    issues.push({ at: `${label} .status`, problem: 'a receipt carries status (or root before Byzantium)' });
  return issues;
}

/**
 * A full transaction object: the common members, its type's members, and the two recent additions
 * recorded when absent (Hardhat 2.29.1 omits yParity, Hardhat and ganache omit blockTimestamp).
 */
export function checkTransaction(
  label: string,
  value: unknown,
): { issues: ShapeIssue[]; tolerated: ToleratedAbsence[] } {
  const issues = checkShape(label, TransactionCommon, value);
  const tolerated: ToleratedAbsence[] = [];
  if (typeof value !== 'object' || value === null) return { issues, tolerated };
  const tx = value as Record<string, unknown>;
  const typeSchema = typeof tx.type === 'string' ? typeMembers[tx.type] : undefined;
  if (typeSchema) issues.push(...checkShape(label, typeSchema, value));
  if (tx.blockTimestamp === undefined)
    tolerated.push({
      at: `${label} .blockTimestamp`,
      note: 'absent (required since execution-apis added it in 2025)',
    });
  if (tx.type !== '0x0' && tx.yParity === undefined) {
    if (tx.v === '0x0' || tx.v === '0x1')
      tolerated.push({
        at: `${label} .yParity`,
        note: `absent; v ${tx.v} carries the parity (older revisions of the specification)`,
      });
    else
      issues.push({
        at: `${label} .yParity`,
        problem: 'a typed transaction needs yParity (or v 0x0/0x1)',
        value: JSON.stringify(tx.v),
      });
  }
  return { issues, tolerated };
}

/** Members of `value` the schema does not define (recorded for the assessor, not judged). */
export function extraMembers(value: unknown, known: readonly string[]): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).filter((k) => !known.includes(k));
}

export const blockMembers = Object.keys(BlockWithHashes.shape);
export const receiptMembers = Object.keys(Receipt.shape);
