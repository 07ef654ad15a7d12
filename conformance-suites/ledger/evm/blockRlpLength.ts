import {
  formatTransaction,
  type Hex,
  hexToBigInt,
  type RpcTransaction,
  serializeTransaction,
  size,
  type TransactionSerializable,
  toRlp,
} from 'viem';
import { rlpQuantity } from './receiptsRoot.ts';

/**
 * Header fields in Yellow Paper order, each fork appending its own (London: baseFeePerGas, Shanghai:
 * withdrawalsRoot, Cancun: blob gas + parentBeaconBlockRoot, Prague: requestsHash). A field is encoded
 * when the node returned it, which selects the fork without a fork table. The same list the EVM
 * adapter hashes (adapters/evm/recomputeBlockHash.ts); conformance suites do not import adapters.
 */
const headerFields = [
  ['parentHash', 'bytes'],
  ['sha3Uncles', 'bytes'],
  ['miner', 'bytes'],
  ['stateRoot', 'bytes'],
  ['transactionsRoot', 'bytes'],
  ['receiptsRoot', 'bytes'],
  ['logsBloom', 'bytes'],
  ['difficulty', 'quantity'],
  ['number', 'quantity'],
  ['gasLimit', 'quantity'],
  ['gasUsed', 'quantity'],
  ['timestamp', 'quantity'],
  ['extraData', 'bytes'],
  ['mixHash', 'bytes'],
  ['nonce', 'bytes'],
  ['baseFeePerGas', 'quantity'],
  ['withdrawalsRoot', 'bytes'],
  ['blobGasUsed', 'quantity'],
  ['excessBlobGas', 'quantity'],
  ['parentBeaconBlockRoot', 'bytes'],
  ['requestsHash', 'bytes'],
] as const;
const firstOptional = 'baseFeePerGas';

export type RlpLength =
  | { readonly kind: 'computed'; readonly bytes: number }
  | { readonly kind: 'unavailable'; readonly reason: string };

/**
 * The length in bytes of the block's consensus encoding, RLP([header, transactions, uncles,
 * withdrawals?]), rebuilt from a full eth_getBlockBy* answer: what go-ethereum reports as `size` and
 * what the ledger stores per block. Unavailable when the answer lacks what the encoding needs (uncle
 * headers are not in the answer, transactions given as hashes, a transaction viem cannot serialise).
 */
export function blockRlpLength(block: Readonly<Record<string, unknown>>): RlpLength {
  const number = String(block.number);
  const header: Hex[] = [];
  let optional = false;
  for (const [name, kind] of headerFields) {
    if (name === firstOptional) optional = true;
    const value = block[name];
    if (typeof value !== 'string' || !value.startsWith('0x')) {
      if (optional) break;
      return { kind: 'unavailable', reason: `block ${number} has no "${name}" field to encode` };
    }
    header.push(kind === 'quantity' ? rlpQuantity(hexToBigInt(value as Hex)) : (value as Hex));
  }
  const uncles = block.uncles;
  if (Array.isArray(uncles) && uncles.length > 0)
    return {
      kind: 'unavailable',
      reason: `block ${number} has ${uncles.length} uncle(s), whose headers the answer does not carry`,
    };
  const transactions = block.transactions;
  if (!Array.isArray(transactions))
    return { kind: 'unavailable', reason: `block ${number} has no transactions list` };
  // Typed transactions are byte strings in the body; legacy ones are embedded as RLP lists.
  let transactionsPayload = 0;
  for (const [index, tx] of transactions.entries()) {
    if (typeof tx !== 'object' || tx === null)
      return { kind: 'unavailable', reason: `block ${number} lists transaction hashes, not objects` };
    let encoded: Hex;
    try {
      encoded = serializeRpcTransaction(tx as Record<string, unknown>);
    } catch (error) {
      return {
        kind: 'unavailable',
        reason: `transaction ${index} of block ${number} cannot be re-encoded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      };
    }
    const bytes = size(encoded);
    transactionsPayload +=
      encoded.startsWith('0x') && Number.parseInt(encoded.slice(2, 4), 16) >= 0xc0
        ? bytes
        : rlpStringLength(bytes, Number.parseInt(encoded.slice(2, 4), 16));
  }
  const body: number[] = [size(toRlp(header)), listLength(transactionsPayload), listLength(0)];
  const withdrawals = block.withdrawals;
  if (Array.isArray(withdrawals)) {
    const items = withdrawals.map((w) => {
      const { index, validatorIndex, address, amount } = w as Record<string, Hex>;
      return [
        rlpQuantity(hexToBigInt(index ?? '0x0')),
        rlpQuantity(hexToBigInt(validatorIndex ?? '0x0')),
        address ?? '0x',
        rlpQuantity(hexToBigInt(amount ?? '0x0')),
      ];
    });
    body.push(size(toRlp(items)));
  }
  return { kind: 'computed', bytes: listLength(body.reduce((a, b) => a + b, 0)) };
}

/** Length of an RLP string of `bytes` bytes whose first byte is `first`. */
function rlpStringLength(bytes: number, first: number): number {
  if (bytes === 1 && first < 0x80) return 1;
  return bytes + prefixLength(bytes);
}

/** Length of an RLP list whose items take `payload` bytes. */
function listLength(payload: number): number {
  return payload + prefixLength(payload);
}

function prefixLength(payload: number): number {
  if (payload < 56) return 1;
  return 1 + Math.ceil(payload.toString(16).length / 2);
}

/** The canonical encoding of a transaction object (EIP-2718 envelope, or the RLP list of a legacy one). */
function serializeRpcTransaction(rpcTx: Record<string, unknown>): Hex {
  const tx = formatTransaction(rpcTx as unknown as RpcTransaction) as {
    type: string;
    r: Hex;
    s: Hex;
    v?: bigint;
    yParity?: number;
    input: Hex;
  };
  const signature =
    tx.type === 'legacy'
      ? { r: tx.r, s: tx.s, v: tx.v ?? 27n }
      : { r: tx.r, s: tx.s, yParity: tx.yParity ?? (tx.v === 28n || tx.v === 1n ? 1 : 0) };
  const serializable = { ...tx, data: tx.input } as unknown as TransactionSerializable;
  // A legacy transaction without EIP-155 protection carries no chain id in its signed payload.
  if (tx.type === 'legacy' && (tx.v === 27n || tx.v === 28n))
    delete (serializable as { chainId?: number }).chainId;
  return serializeTransaction(serializable, signature);
}
