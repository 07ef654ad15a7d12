import type { FaultContext } from '../defineFault.ts';
import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';

/** What the fault remembers: the chain's last height seen, and the height it lost once it went down. */
export interface RestartMemory {
  lastHeight: bigint | undefined;
  lostUpTo: bigint | undefined;
}

/** How long after a failed height lookup the fault asks again before it concludes the node went down. */
const confirmDownAfterMs = 250;

const blockLookups = new Set(['eth_getBlockByNumber', 'eth_getBlockByHash']);
const transactionLookups = new Set(['eth_getTransactionByHash', 'eth_getTransactionReceipt']);

const numberOf = (value: unknown): bigint | undefined =>
  typeof value === 'string' && /^0x[0-9a-fA-F]+$/.test(value) ? BigInt(value) : undefined;

/**
 * The answer a node that lost blocks 1..`lostUpTo` gives: those blocks, and the transactions and
 * receipts in them, are not found (null). Genesis and later blocks stay.
 */
export function forgetBlocks(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  lostUpTo: bigint,
): JsonRpcResponse {
  const result = response.result as Record<string, unknown> | null | undefined;
  if (typeof result !== 'object' || result === null) return response;
  const n = blockLookups.has(request.method)
    ? numberOf(result.number)
    : transactionLookups.has(request.method)
      ? numberOf(result.blockNumber)
      : undefined;
  return n !== undefined && n >= 1n && n <= lostUpTo ? { ...response, result: null } : response;
}

/**
 * restart-loses-history: once the chain behind the proxy has been unreachable (a node restart), it
 * answers as a node that reloaded its state snapshot but not its block store: every block up to the
 * height it had when it went down, and the transactions and receipts in them, are answered null
 * (caught by OPS-03). While the chain has not gone down, each request first asks it for its height.
 */
export const restartLosesHistory = {
  async intercept(_request: JsonRpcRequest, { upstream, memory }: FaultContext): Promise<undefined> {
    const seen = memory<RestartMemory>(() => ({ lastHeight: undefined, lostUpTo: undefined }));
    if (seen.lostUpTo !== undefined) return undefined;
    const height = numberOf(await upstream.call('eth_blockNumber', []));
    if (height !== undefined) {
      seen.lastHeight = height;
      return undefined;
    }
    if (seen.lastHeight === undefined) return undefined;
    // One failed lookup is not a restart: a kept-alive connection the node closed while idle fails
    // once too. A node that went down is still silent a moment later.
    await new Promise((resolve) => setTimeout(resolve, confirmDownAfterMs));
    const again = numberOf(await upstream.call('eth_blockNumber', []));
    if (again !== undefined) seen.lastHeight = again;
    else seen.lostUpTo = seen.lastHeight;
    return undefined;
  },
  rewrite(request: JsonRpcRequest, response: JsonRpcResponse, { memory }: FaultContext): JsonRpcResponse {
    const { lostUpTo } = memory<RestartMemory>(() => ({ lastHeight: undefined, lostUpTo: undefined }));
    return lostUpTo === undefined ? response : forgetBlocks(request, response, lostUpTo);
  },
};
