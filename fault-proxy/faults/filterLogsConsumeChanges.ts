import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';
import { positionalParam } from '../JsonRpcMessage.ts';

/** Per filter id: the logs (blockHash:logIndex) already handed out by either method. Bounded. */
export type DeliveredLogs = Map<string, Set<string>>;
const rememberedFilters = 1_000;
const rememberedLogsPerFilter = 10_000;

/**
 * filter-logs-consume-changes: eth_getFilterLogs and eth_getFilterChanges of a log filter share one
 * cursor: each answers only the logs neither has handed out yet — so eth_getFilterLogs, which should
 * answer every log matching the filter, comes back empty after a poll, and a poll after
 * eth_getFilterLogs misses what it returned. Hardhat 2.29.1 behaves so (JR/T 0193-2020 6.5; caught by
 * EV-03).
 */
export function filterLogsConsumeChanges(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  delivered: DeliveredLogs,
): JsonRpcResponse {
  if (request.method !== 'eth_getFilterChanges' && request.method !== 'eth_getFilterLogs') return response;
  const id = positionalParam(request, 0);
  if (typeof id !== 'string' || !Array.isArray(response.result)) return response;
  const logs: unknown[] = response.result;
  if (!logs.every((log) => typeof log === 'object' && log !== null)) return response;
  let handedOut = delivered.get(id);
  if (handedOut === undefined) {
    handedOut = new Set();
    delivered.set(id, handedOut);
    if (delivered.size > rememberedFilters) {
      const oldest = delivered.keys().next();
      if (!oldest.done) delivered.delete(oldest.value);
    }
  }
  const fresh = logs.filter((log) => {
    const { blockHash, logIndex } = log as { blockHash?: unknown; logIndex?: unknown };
    const key = `${String(blockHash)}:${String(logIndex)}`;
    if (handedOut.has(key)) return false;
    if (handedOut.size < rememberedLogsPerFilter) handedOut.add(key);
    return true;
  });
  return fresh.length === logs.length ? response : { ...response, result: fresh };
}
