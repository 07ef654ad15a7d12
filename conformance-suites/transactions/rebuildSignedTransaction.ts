import { concatHex, type Hex, keccak256, toRlp } from 'viem';

/** An RLP item: bytes, or a list of items (viem's toRlp input). */
type RlpItem = Hex | readonly RlpItem[];

/** The secp256k1 group order n (SEC 2 §2.4.1). */
export const secp256k1Order = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** A transaction as the harness rebuilt it from the fields a node reported. */
export interface RebuiltTransaction {
  readonly kind: 'rebuilt';
  /** EIP-2718 type (0 for legacy). */
  readonly type: number;
  /** keccak256 of the payload the sender signed (EIP-155 for protected legacy, type ‖ RLP otherwise). */
  readonly signingHash: Hex;
  /** The signed transaction re-serialised: what its hash is the keccak256 of (EIP-2718). */
  readonly encoded: Hex;
  readonly hash: Hex;
  readonly signature: { readonly r: bigint; readonly s: bigint; readonly yParity: 0 | 1 };
  /** The chain id the signature commits to; null for an unprotected legacy transaction. */
  readonly chainId: bigint | null;
}

export type RebuildResult =
  | RebuiltTransaction
  /** A type whose signing payload the harness does not know (e.g. an L2 deposit type). */
  | { readonly kind: 'unsupported'; readonly type: string; readonly reason: string }
  /** A field the rebuild needs is missing or not of its JSON-RPC shape; `field` names it. */
  | { readonly kind: 'malformed'; readonly field: string; readonly problem: string };

class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

/**
 * Rebuilds the signing payload and the signed encoding of a transaction from the fields a node
 * reports for it (eth_getTransactionByHash or a hydrated block), per type:
 *
 * - 0x0 legacy: RLP([nonce, gasPrice, gas, to, value, data]) plus [chainId, 0, 0] when v ≥ 35 (EIP-155);
 * - 0x1 (EIP-2930): 0x01 ‖ RLP([chainId, nonce, gasPrice, gas, to, value, data, accessList]);
 * - 0x2 (EIP-1559): 0x02 ‖ RLP([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList]);
 * - 0x3 (EIP-4844): the 0x2 fields plus maxFeePerBlobGas and blobVersionedHashes (network form without blobs);
 * - 0x4 (EIP-7702): the 0x2 fields plus authorizationList [chainId, address, nonce, yParity, r, s].
 *
 * Typed signed encodings append [yParity, r, s]; legacy ones [v, r, s]. Other types are `unsupported`.
 * Nothing here trusts `from` or `hash`: the caller compares them with what this yields.
 */
export function rebuildSignedTransaction(tx: Readonly<Record<string, unknown>>): RebuildResult {
  const typeField = tx.type;
  let type: bigint;
  try {
    type = typeField === undefined ? 0n : quantity(tx, 'type');
  } catch (error) {
    return malformed(error);
  }
  if (type > 4n) {
    return {
      kind: 'unsupported',
      type: String(typeField),
      reason: `transaction type ${String(typeField)} has no signing payload the harness knows (types 0x0–0x4: legacy, EIP-2930, EIP-1559, EIP-4844, EIP-7702)`,
    };
  }
  try {
    return type === 0n ? rebuildLegacy(tx) : rebuildTyped(tx, Number(type));
  } catch (error) {
    return malformed(error);
  }
}

function malformed(error: unknown): RebuildResult {
  if (error instanceof FieldError) return { kind: 'malformed', field: error.field, problem: error.problem };
  throw error;
}

function rebuildLegacy(tx: Readonly<Record<string, unknown>>): RebuiltTransaction {
  const v = quantity(tx, 'v');
  let chainId: bigint | null;
  let yParity: 0 | 1;
  if (v === 27n || v === 28n) {
    chainId = null;
    yParity = v === 27n ? 0 : 1;
  } else if (v >= 35n) {
    chainId = (v - 35n) / 2n;
    yParity = (v - 35n) % 2n === 0n ? 0 : 1;
    if (tx.chainId !== undefined && tx.chainId !== null && quantity(tx, 'chainId') !== chainId) {
      throw new FieldError(
        'chainId',
        `the reported chainId ${String(tx.chainId)} disagrees with v = ${v}, which encodes chain id ${chainId} (EIP-155)`,
      );
    }
  } else {
    throw new FieldError('v', `v = ${v} is neither 27/28 nor ≥ 35 (EIP-155), so no signature parity follows`);
  }
  const { r, s } = signatureValues(tx);
  const fields = [
    rlpQuantity(quantity(tx, 'nonce')),
    rlpQuantity(quantity(tx, 'gasPrice')),
    rlpQuantity(quantity(tx, 'gas')),
    recipient(tx),
    rlpQuantity(quantity(tx, 'value')),
    data(tx, 'input'),
  ];
  const signingPayload = toRlp(chainId === null ? fields : [...fields, rlpQuantity(chainId), '0x', '0x']);
  const encoded = toRlp([...fields, rlpQuantity(v), rlpQuantity(r), rlpQuantity(s)]);
  return {
    kind: 'rebuilt',
    type: 0,
    signingHash: keccak256(signingPayload),
    encoded,
    hash: keccak256(encoded),
    signature: { r, s, yParity },
    chainId,
  };
}

function rebuildTyped(tx: Readonly<Record<string, unknown>>, type: number): RebuiltTransaction {
  const chainId = quantity(tx, 'chainId');
  const head = [rlpQuantity(chainId), rlpQuantity(quantity(tx, 'nonce'))];
  const fees =
    type === 1
      ? [rlpQuantity(quantity(tx, 'gasPrice'))]
      : [rlpQuantity(quantity(tx, 'maxPriorityFeePerGas')), rlpQuantity(quantity(tx, 'maxFeePerGas'))];
  const to = recipient(tx);
  if ((type === 3 || type === 4) && to === '0x') {
    throw new FieldError(
      'to',
      `a type ${type} transaction must name a recipient (it cannot create a contract)`,
    );
  }
  const body: RlpItem[] = [
    ...head,
    ...fees,
    rlpQuantity(quantity(tx, 'gas')),
    to,
    rlpQuantity(quantity(tx, 'value')),
    data(tx, 'input'),
    accessList(tx),
  ];
  if (type === 3) {
    body.push(rlpQuantity(quantity(tx, 'maxFeePerBlobGas')));
    body.push(hashList(tx, 'blobVersionedHashes'));
  }
  if (type === 4) body.push(authorizationList(tx));
  const yParity = parity(tx);
  const { r, s } = signatureValues(tx);
  const prefix = `0x0${type}` as Hex;
  const signingPayload = concatHex([prefix, toRlp(body)]);
  const encoded = concatHex([
    prefix,
    toRlp([...body, rlpQuantity(BigInt(yParity)), rlpQuantity(r), rlpQuantity(s)]),
  ]);
  return {
    kind: 'rebuilt',
    type,
    signingHash: keccak256(signingPayload),
    encoded,
    hash: keccak256(encoded),
    signature: { r, s, yParity },
    chainId,
  };
}

/**
 * yParity of a typed transaction: `yParity`, or `v` on nodes that report only that (Hardhat). `v` is
 * read as 0/1, or as 27/28 (a legacy-style spelling some nodes use); when both fields are present
 * they must agree.
 */
function parity(tx: Readonly<Record<string, unknown>>): 0 | 1 {
  const fromYParity = tx.yParity === undefined ? undefined : quantity(tx, 'yParity');
  const v = tx.v === undefined ? undefined : quantity(tx, 'v');
  const fromV = v === 27n || v === 28n ? v - 27n : v;
  if (fromYParity !== undefined && fromV !== undefined && fromYParity !== fromV) {
    throw new FieldError('yParity', `yParity ${fromYParity} and v ${v} disagree`);
  }
  const value = fromYParity ?? fromV;
  if (value === undefined) throw new FieldError('yParity', 'missing (and no v either)');
  if (value !== 0n && value !== 1n) throw new FieldError('yParity', `must be 0 or 1, got ${value}`);
  return value === 0n ? 0 : 1;
}

function signatureValues(tx: Readonly<Record<string, unknown>>): { r: bigint; s: bigint } {
  return { r: quantity(tx, 'r'), s: quantity(tx, 's') };
}

/**
 * A JSON-RPC quantity. Leading zeros are tolerated (some nodes pad r and s to 32 bytes): they do not
 * change the value, and this rebuild judges signatures, not hex style.
 */
function quantity(tx: Readonly<Record<string, unknown>>, field: string): bigint {
  return quantityValue(tx[field], field);
}

function quantityValue(value: unknown, field: string): bigint {
  if (value === undefined || value === null) throw new FieldError(field, 'missing');
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]+$/.test(value)) {
    throw new FieldError(field, `expected a hex quantity, got ${JSON.stringify(value)?.slice(0, 80)}`);
  }
  return BigInt(value);
}

function data(tx: Readonly<Record<string, unknown>>, field: string): Hex {
  const value = tx[field];
  if (typeof value !== 'string' || !/^0x(?:[0-9a-fA-F]{2})*$/.test(value)) {
    throw new FieldError(field, `expected 0x-prefixed bytes, got ${JSON.stringify(value)?.slice(0, 80)}`);
  }
  return value.toLowerCase() as Hex;
}

/** `to`: a 20-byte address, or null (contract creation: the empty string in RLP). */
function recipient(tx: Readonly<Record<string, unknown>>): Hex {
  const value = tx.to;
  if (value === null || value === undefined) return '0x';
  return address(value, 'to');
}

function address(value: unknown, field: string): Hex {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value)) {
    throw new FieldError(field, `expected a 20-byte address, got ${JSON.stringify(value)?.slice(0, 80)}`);
  }
  return value.toLowerCase() as Hex;
}

function hash32(value: unknown, field: string): Hex {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(value)) {
    throw new FieldError(field, `expected a 32-byte hash, got ${JSON.stringify(value)?.slice(0, 80)}`);
  }
  return value.toLowerCase() as Hex;
}

function hashList(tx: Readonly<Record<string, unknown>>, field: string): Hex[] {
  const value = tx[field];
  if (!Array.isArray(value)) throw new FieldError(field, 'expected a list of 32-byte hashes');
  return value.map((h, i) => hash32(h, `${field}[${i}]`));
}

/** EIP-2930 access list: [[address, [storageKey, …]], …]. */
function accessList(tx: Readonly<Record<string, unknown>>): RlpItem {
  const value = tx.accessList;
  if (!Array.isArray(value)) throw new FieldError('accessList', 'expected a list');
  return value.map((entry, i) => {
    const item = entry as { address?: unknown; storageKeys?: unknown } | null;
    if (typeof item !== 'object' || item === null || !Array.isArray(item.storageKeys)) {
      throw new FieldError(`accessList[${i}]`, 'expected {address, storageKeys[]}');
    }
    return [
      address(item.address, `accessList[${i}].address`),
      item.storageKeys.map((k, j) => hash32(k, `accessList[${i}].storageKeys[${j}]`)),
    ];
  });
}

/** EIP-7702 authorization list: [[chainId, address, nonce, yParity, r, s], …]. */
function authorizationList(tx: Readonly<Record<string, unknown>>): RlpItem {
  const value = tx.authorizationList;
  if (!Array.isArray(value)) throw new FieldError('authorizationList', 'expected a list');
  return value.map((entry, i) => {
    const field = `authorizationList[${i}]`;
    if (typeof entry !== 'object' || entry === null) throw new FieldError(field, 'expected an object');
    const auth = entry as Record<string, unknown>;
    const q = (key: string) => rlpQuantity(quantityValue(auth[key], `${field}.${key}`));
    return [
      q('chainId'),
      address(auth.address, `${field}.address`),
      q('nonce'),
      q('yParity'),
      q('r'),
      q('s'),
    ];
  });
}

/** An integer as RLP encodes it: minimal big-endian bytes, zero as the empty string. */
export function rlpQuantity(value: bigint): Hex {
  if (value === 0n) return '0x';
  const hex = value.toString(16);
  return `0x${hex.length % 2 === 0 ? hex : `0${hex}`}`;
}
