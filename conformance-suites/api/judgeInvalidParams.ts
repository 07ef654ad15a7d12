import type { RpcOutcome } from '#core/adapter/ChainAdapter.ts';
import type { InvalidParamCase } from './invalidParamCases.ts';

/** JSON-RPC 2.0 §5.1 "Invalid params". */
const invalidParams = -32602;

export interface InvalidParamJudgement {
  readonly name: string;
  readonly verdict: 'match' | 'tolerated' | 'mismatch';
  readonly observed: string;
  readonly note?: string;
}

const short = (value: unknown) => JSON.stringify(value)?.slice(0, 100) ?? 'undefined';

/**
 * Judges one API-06 answer. Any refusal passes the case (the code is API-02's business): -32602 is
 * the match, another JSON-RPC code or an HTTP 4xx a tolerated, recorded deviation. A result fails a
 * `refuse` case; for a `canonical` case it is tolerated only when it equals the canonical answer.
 */
export function judgeInvalidParams(
  errorCase: InvalidParamCase,
  outcome: RpcOutcome,
  canonical: RpcOutcome | undefined,
): InvalidParamJudgement {
  const { name } = errorCase;
  if (outcome.kind === 'error') {
    const { code, message } = outcome.error;
    return code === invalidParams
      ? { name, verdict: 'match', observed: `${code}` }
      : {
          name,
          verdict: 'tolerated',
          observed: `${code}`,
          note: `refused with ${code} "${message.slice(0, 80)}" instead of -32602`,
        };
  }
  if (outcome.kind === 'http-error') {
    return outcome.httpStatus >= 400 && outcome.httpStatus < 500
      ? {
          name,
          verdict: 'tolerated',
          observed: `HTTP ${outcome.httpStatus}`,
          note: `refused with HTTP ${outcome.httpStatus}`,
        }
      : {
          name,
          verdict: 'mismatch',
          observed: `HTTP ${outcome.httpStatus}`,
          note: `answered HTTP ${outcome.httpStatus} without a JSON-RPC error`,
        };
  }
  const observed = `result ${short(outcome.result)}`;
  if (errorCase.policy === 'refuse')
    return {
      name,
      verdict: 'mismatch',
      observed,
      note: `accepted invalid input (${errorCase.why}): ${observed}`,
    };
  if (canonical?.kind === 'result' && JSON.stringify(canonical.result) === JSON.stringify(outcome.result))
    return {
      name,
      verdict: 'tolerated',
      observed,
      note: 'accepted a non-canonical encoding and answered exactly as for the canonical one',
    };
  return {
    name,
    verdict: 'mismatch',
    observed,
    note: `accepted a non-canonical encoding (${errorCase.why}) and answered ${short(outcome.result)}, while the canonical form answers ${canonical === undefined ? 'nothing' : short(canonical.kind === 'result' ? canonical.result : canonical)}: it misread the value`,
  };
}
