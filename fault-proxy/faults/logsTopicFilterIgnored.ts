import type { JsonRpcRequest } from '../JsonRpcMessage.ts';
import { positionalParam } from '../JsonRpcMessage.ts';

/**
 * logs-topic-filter-ignored: eth_getLogs is executed without the filter's `topics`, so it answers
 * every log of the address and block range — a node that indexes logs by address only and forgets
 * to apply the topic criteria (JR/T 0193-2020 6.5; caught by EV-01's topic queries).
 */
export function logsTopicFilterIgnored(request: JsonRpcRequest): JsonRpcRequest {
  if (request.method !== 'eth_getLogs') return request;
  const filter = positionalParam(request, 0);
  if (typeof filter !== 'object' || filter === null || !('topics' in filter)) return request;
  const { topics: _ignored, ...rest } = filter as Record<string, unknown>;
  return { ...request, params: [rest, ...(request.params as unknown[]).slice(1)] };
}
