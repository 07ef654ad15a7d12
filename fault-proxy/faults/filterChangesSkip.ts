import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';
import { positionalParam } from '../JsonRpcMessage.ts';

/** Per filter id: how many hashes the filter has had to deliver so far. Bounded like the proxy's state. */
export type HashesSeen = Map<string, number>;
const rememberedFilters = 10_000;

/**
 * filter-changes-skip: eth_getFilterChanges answers made of hashes (block and pending-transaction
 * filters) omit every second hash the filter would deliver, counted per filter id — a node whose
 * notification queue loses entries when several arrive between polls (JR/T 0193-2020 6.5; caught by
 * EV-02, which wants every new block once).
 */
export function filterChangesSkip(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  seen: HashesSeen,
): JsonRpcResponse {
  if (request.method !== 'eth_getFilterChanges' || !Array.isArray(response.result)) return response;
  const id = positionalParam(request, 0);
  const hashes: unknown[] = response.result;
  if (typeof id !== 'string' || hashes.length === 0 || !hashes.every((h) => typeof h === 'string'))
    return response;
  let count = seen.get(id) ?? 0;
  const kept = hashes.filter(() => {
    count += 1;
    return count % 2 === 1;
  });
  seen.set(id, count);
  if (seen.size > rememberedFilters) {
    const oldest = seen.keys().next();
    if (!oldest.done) seen.delete(oldest.value);
  }
  return { ...response, result: kept };
}
