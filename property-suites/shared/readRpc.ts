import type { z } from 'zod';
import { ModelMismatchError } from '../transfers/ModelMismatchError.ts';
import type { PropertySystem } from './PropertySystem.ts';

/**
 * One standard JSON-RPC read whose answer must have `shape` (ethereum/execution-apis). The suites
 * only read state and history the node itself has just recorded, so an error answer or a malformed
 * result is the chain's failure (ModelMismatchError); a transport failure throws on (inconclusive).
 */
export async function readRpc<S extends z.ZodType>(
  system: PropertySystem,
  method: string,
  params: readonly unknown[],
  shape: S,
  label: string,
): Promise<z.output<S>> {
  const outcome = await system.adapter.rpc.request(method, params);
  if (outcome.kind !== 'result') {
    const answer =
      outcome.kind === 'error'
        ? `error ${outcome.error.code} ${outcome.error.message.slice(0, 160)}`
        : `HTTP ${outcome.httpStatus}`;
    throw new ModelMismatchError(
      `${label}: ${method} of state the node has recorded was refused (${answer})`,
      { method, params, answer: 'a result' },
      { method, params, answer },
    );
  }
  const parsed = shape.safeParse(outcome.result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelMismatchError(
      `${label}: ${method} answered a malformed ${issue?.path.join('.') || 'result'} (${issue?.message ?? 'invalid'})`,
      { method, params },
      { method, params, result: outcome.result },
    );
  }
  return parsed.data;
}
