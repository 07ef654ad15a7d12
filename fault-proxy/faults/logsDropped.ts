import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';
import { positionalParam } from '../JsonRpcMessage.ts';

const hexNumber = /^0x[0-9a-fA-F]+$/;

/**
 * logs-dropped: eth_getLogs over an explicit block range of more than one block omits the logs of the
 * range's last block — an indexer that treats toBlock as exclusive, so clients following events lose
 * some (JR/T 0193-2020 6.5; caught by EV-01, which compares eth_getLogs with the receipts).
 */
export function logsDropped(request: JsonRpcRequest, response: JsonRpcResponse): JsonRpcResponse {
  if (request.method !== 'eth_getLogs' || !Array.isArray(response.result)) return response;
  const filter = positionalParam(request, 0) as { fromBlock?: unknown; toBlock?: unknown } | undefined;
  const from = filter?.fromBlock;
  const to = filter?.toBlock;
  if (typeof from !== 'string' || typeof to !== 'string' || !hexNumber.test(from) || !hexNumber.test(to))
    return response;
  if (BigInt(to) <= BigInt(from)) return response;
  const logs: unknown[] = response.result;
  const kept = logs.filter(
    (log) =>
      !(
        typeof log === 'object' &&
        log !== null &&
        typeof (log as { blockNumber?: unknown }).blockNumber === 'string' &&
        BigInt((log as { blockNumber: string }).blockNumber) === BigInt(to)
      ),
  );
  return kept.length === logs.length ? response : { ...response, result: kept };
}
