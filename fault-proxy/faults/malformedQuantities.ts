import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';

const blockQuantities = ['number', 'gasLimit', 'gasUsed', 'timestamp', 'size', 'difficulty', 'baseFeePerGas'];
const transactionQuantities = [
  'nonce',
  'blockNumber',
  'transactionIndex',
  'value',
  'gas',
  'gasPrice',
  'maxFeePerGas',
  'maxPriorityFeePerGas',
  'chainId',
];

/** `0x2` → `0x02`: a quantity zero-padded to whole bytes, as a serializer for `bytes` writes it. */
export function padQuantity(value: unknown): unknown {
  return typeof value === 'string' && /^0x[0-9a-f]+$/i.test(value) && value.length % 2 === 1
    ? `0x0${value.slice(2)}`
    : value;
}

function padded(object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out = { ...object };
  for (const key of keys) if (key in out) out[key] = padQuantity(out[key]);
  return out;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * malformed-quantities: quantities in blocks and transactions (eth_getBlockByNumber/ByHash,
 * eth_getTransactionByHash) are zero-padded to whole bytes — number "0x2" becomes "0x02", nonce "0x0"
 * "0x00" — as a node that serialises quantities with its `bytes` encoder answers; execution-apis
 * `uint` forbids leading zeros (caught by API-07). Receipts are left alone.
 */
export function malformedQuantities(request: JsonRpcRequest, response: JsonRpcResponse): JsonRpcResponse {
  const { result } = response;
  if (!isObject(result)) return response;
  if (request.method === 'eth_getBlockByNumber' || request.method === 'eth_getBlockByHash') {
    const block = padded(result, blockQuantities);
    if (Array.isArray(result.transactions))
      block.transactions = result.transactions.map((tx) =>
        isObject(tx) ? padded(tx, transactionQuantities) : tx,
      );
    return { ...response, result: block };
  }
  if (request.method === 'eth_getTransactionByHash')
    return { ...response, result: padded(result, transactionQuantities) };
  return response;
}
