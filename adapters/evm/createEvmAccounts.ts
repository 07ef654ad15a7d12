import type { AccountsApi } from '#core/adapter/ChainAdapter.ts';
import type { createFeeOracle } from './createFeeOracle.ts';
import type { RpcClient } from './createRpcClient.ts';
import { defaultGas } from './encodeIntent.ts';
import { parseRpcResult } from './parseRpcResult.ts';
import { QuantitySchema } from './RpcSchemas.ts';

/**
 * Fee headroom of a quote: a node accepts a transaction only when the sender holds gas × max fee +
 * value at that moment, and fees may rise while a run is in flight.
 */
const quoteHeadroom = 2n;

/** Balances, nonces and what a budget costs at the chain's current fees, in wei. */
export function createEvmAccounts(
  client: RpcClient,
  feeOracle: ReturnType<typeof createFeeOracle>,
): AccountsApi {
  const { endpoint } = client;
  return {
    async getBalance(address) {
      const result = await client.call('eth_getBalance', [address, 'latest']);
      return parseRpcResult(QuantitySchema, result, 'eth_getBalance', endpoint);
    },
    async getNonce(address, blockTag = 'pending') {
      const result = await client.call('eth_getTransactionCount', [address, blockTag]);
      return parseRpcResult(QuantitySchema, result, 'eth_getTransactionCount', endpoint);
    },
    async quote(budget) {
      const price = await feeOracle.pricePerGas();
      return budget.reduce(
        (sum, item) =>
          sum + BigInt(item.count) * defaultGas[item.kind] * price * quoteHeadroom + (item.value ?? 0n),
        0n,
      );
    },
  };
}
