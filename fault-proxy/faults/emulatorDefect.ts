import { type Defect, defectMethod } from '../emulation/EmulatorDefect.ts';
import type { JsonRpcRequest } from '../JsonRpcMessage.ts';

/**
 * Turns eth_sendRawTransaction into the permissioned-chain emulator's defect submission
 * (fault-proxy/emulation), so the emulated node admits the transaction with `defect`: an admission
 * rule skipped, or governance calls run with the node's own admin authority. Meaningful only in front
 * of that emulator; in front of any other node the renamed method is simply unknown.
 */
export function withEmulatorDefect(request: JsonRpcRequest, defect: Defect): JsonRpcRequest {
  if (request.method !== 'eth_sendRawTransaction' || !Array.isArray(request.params)) return request;
  const [raw] = request.params as unknown[];
  if (typeof raw !== 'string') return request;
  return { ...request, method: defectMethod, params: [raw, defect] };
}
