import type { RpcOutcome } from '#core/adapter/ChainAdapter.ts';
import type { JsonRpcErrorCase } from './jsonRpcErrorCases.ts';

export interface ErrorCodeComparison {
  readonly name: string;
  /** The error code seen, or what came instead (a result, an HTTP error). */
  readonly observed: number | 'result' | `HTTP ${number}`;
  readonly verdict: 'match' | 'tolerated' | 'mismatch';
  readonly expectedCodes: readonly number[];
  /** The recorded deviation for a tolerated code; what was wrong for a mismatch. */
  readonly note?: string;
}

/** Compares one answer with a case of jsonRpcErrorCases: the code only, per the case's policy. */
export function compareErrorCode(errorCase: JsonRpcErrorCase, outcome: RpcOutcome): ErrorCodeComparison {
  const base = { name: errorCase.name, expectedCodes: errorCase.expectedCodes };
  const wanted = errorCase.expectedCodes.join(' or ');
  if (outcome.kind === 'result') {
    return {
      ...base,
      observed: 'result',
      verdict: 'mismatch',
      note: `answered with a result, expected error ${wanted}`,
    };
  }
  if (outcome.kind === 'http-error') {
    const observed = `HTTP ${outcome.httpStatus}` as const;
    return {
      ...base,
      observed,
      verdict: 'mismatch',
      note: `answered ${observed} without a JSON-RPC error, expected ${wanted}`,
    };
  }
  const { code } = outcome.error;
  if (errorCase.expectedCodes.includes(code)) return { ...base, observed: code, verdict: 'match' };
  const tolerated = errorCase.tolerated.find((t) => t.code === code);
  if (tolerated) return { ...base, observed: code, verdict: 'tolerated', note: tolerated.deviation };
  return { ...base, observed: code, verdict: 'mismatch', note: `answered ${code}, expected ${wanted}` };
}
