import type { RpcClient } from './createRpcClient.ts';
import { parseRpcResult } from './parseRpcResult.ts';
import { QuantitySchema, RpcBlockHeadSchema } from './RpcSchemas.ts';

export type FeeParams =
  | { readonly kind: 'eip1559'; readonly maxFeePerGas: bigint; readonly maxPriorityFeePerGas: bigint }
  | { readonly kind: 'legacy'; readonly gasPrice: bigint };

const cacheMs = 2_000;
const priorityFeeWei = 1_000_000_000n;

/**
 * Fee fields for new transactions: EIP-1559 when the head block has a base fee (max fee = twice the
 * base fee + 1 gwei tip, which survives several full blocks of +12.5%), the legacy gas price
 * otherwise. Cached briefly: a check signs several transactions in a row.
 */
export function createFeeOracle(client: RpcClient): {
  fees(): Promise<FeeParams>;
  pricePerGas(): Promise<bigint>;
} {
  let cached: { at: number; value: FeeParams } | undefined;
  async function fees(): Promise<FeeParams> {
    if (cached && Date.now() - cached.at < cacheMs) return cached.value;
    const head = parseRpcResult(
      RpcBlockHeadSchema,
      await client.call('eth_getBlockByNumber', ['latest', false]),
      'eth_getBlockByNumber',
      client.endpoint,
    );
    const value: FeeParams =
      head.baseFeePerGas !== undefined
        ? {
            kind: 'eip1559',
            maxFeePerGas: head.baseFeePerGas * 2n + priorityFeeWei,
            maxPriorityFeePerGas: priorityFeeWei,
          }
        : {
            kind: 'legacy',
            gasPrice: parseRpcResult(
              QuantitySchema,
              await client.call('eth_gasPrice', []),
              'eth_gasPrice',
              client.endpoint,
            ),
          };
    cached = { at: Date.now(), value };
    return value;
  }
  return {
    fees,
    async pricePerGas() {
      const f = await fees();
      return f.kind === 'eip1559' ? f.maxFeePerGas : f.gasPrice;
    },
  };
}
