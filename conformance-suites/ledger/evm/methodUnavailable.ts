import { classifyExposure } from '#conformance/api/classifyExposure.ts';
import type { RpcOutcome } from '#core/adapter/ChainAdapter.ts';

/**
 * Why an answer says "this node does not serve the method" (-32601, Hardhat's -32004, ganache's
 * "does not exist/is not available", a gateway's refusal), or undefined when the method is served
 * and the answer must be judged. The same reading API-01 uses (api/classifyExposure.ts).
 */
export function methodUnavailable(outcome: RpcOutcome): string | undefined {
  if (outcome.kind === 'result') return undefined;
  const verdict = classifyExposure(outcome);
  if (verdict.exposed) return undefined;
  return outcome.kind === 'error'
    ? `${outcome.error.code} "${outcome.error.message.slice(0, 120)}"`
    : `HTTP ${outcome.httpStatus}`;
}
