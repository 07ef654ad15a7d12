import type { z } from 'zod';
import type { RawRpcApi, RpcOutcome } from '#core/adapter/ChainAdapter.ts';
import { RpcCallError } from '#core/errors/TargetError.ts';

/** One JSON-RPC exchange as a check's evidence shows it: what was asked, and what came back (abridged). */
export interface RpcExchange {
  /** Which endpoint of the network answered (0 = the first `--target`). */
  readonly endpoint: number;
  readonly method: string;
  readonly params: readonly unknown[];
  readonly answer: unknown;
}

/** A read of a value the execution API promises: the value, or why the answer is not one. */
export type RpcRead<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: string; readonly answer: unknown };

/** A JSON-RPC answer: a result or an error object (an HTTP error without one throws instead). */
export type RpcAnswer = Exclude<RpcOutcome, { kind: 'http-error' }>;

export interface RpcTrace {
  /** One raw exchange, recorded. An HTTP error (no JSON-RPC answer) throws: the transport is broken. */
  request(method: string, params: readonly unknown[]): Promise<RpcAnswer>;
  /** A result of `shape`, or the problem: a JSON-RPC error, or a malformed result naming the field. */
  read<S extends z.ZodType>(
    method: string,
    params: readonly unknown[],
    shape: S,
  ): Promise<RpcRead<z.output<S>>>;
  /** The exchanges so far (the first `maxExchanges`), for evidence. */
  exchanges(): { readonly calls: readonly RpcExchange[]; readonly notShown: number };
}

/** Evidence stays bounded: this many exchanges are kept, each answer abridged to `maxAnswerChars`. */
const maxExchanges = 80;
const maxAnswerChars = 240;

/**
 * Records the exchanges a check makes with one endpoint so its evidence lists the exact calls
 * (method + params) and the answers. `endpoint` numbers the endpoint in the network; several traces
 * may share one `log` so a cross-node check shows one ordered list.
 */
export function createRpcTrace(
  rpc: RawRpcApi,
  endpoint = 0,
  log: { calls: RpcExchange[]; notShown: number } = { calls: [], notShown: 0 },
): RpcTrace & { readonly log: { calls: RpcExchange[]; notShown: number } } {
  const record = (method: string, params: readonly unknown[], answer: unknown): void => {
    if (log.calls.length < maxExchanges)
      log.calls.push({ endpoint, method, params, answer: abridge(answer) });
    else log.notShown += 1;
  };
  const request = async (method: string, params: readonly unknown[]): Promise<RpcAnswer> => {
    const outcome = await rpc.request(method, params);
    if (outcome.kind === 'http-error') {
      record(method, params, { httpStatus: outcome.httpStatus, body: outcome.body });
      throw new RpcCallError(`${method} failed: HTTP ${outcome.httpStatus} without a JSON-RPC answer`, {
        method,
        code: undefined,
        httpStatus: outcome.httpStatus,
      });
    }
    record(method, params, outcome.kind === 'result' ? { result: outcome.result } : { error: outcome.error });
    return outcome;
  };
  return {
    log,
    request,
    async read(method, params, shape) {
      const outcome = await request(method, params);
      if (outcome.kind === 'error') {
        const { code, message } = outcome.error;
        return {
          ok: false,
          problem: `${method} answered error ${code} "${message.slice(0, 160)}"`,
          answer: { error: outcome.error },
        };
      }
      const parsed = shape.safeParse(outcome.result);
      if (parsed.success) return { ok: true, value: parsed.data };
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'result';
      return {
        ok: false,
        problem: `${method} answered a malformed ${where}: ${issue?.message ?? 'invalid'} (got ${JSON.stringify(valueAt(outcome.result, issue?.path ?? []))?.slice(0, 80)})`,
        answer: { result: abridge(outcome.result) },
      };
    },
    exchanges: () => ({ calls: log.calls, notShown: log.notShown }),
  };
}

/** One trace per endpoint of a network (index = endpoint number), all writing one ordered log. */
export function createNetworkTraces(endpoints: readonly RawRpcApi[]): RpcTrace[] {
  const log = { calls: [] as RpcExchange[], notShown: 0 };
  return endpoints.map((rpc, i) => createRpcTrace(rpc, i, log));
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return at;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** Long strings (contract code) and long lists (logs) are shortened, with their full size stated. */
export function abridge(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return value.length > maxAnswerChars
      ? `${value.slice(0, maxAnswerChars)}…(${value.length} chars)`
      : value;
  }
  if (Array.isArray(value)) {
    const shown = value.slice(0, 6).map((v) => abridge(v, depth + 1));
    return value.length > 6 ? [...shown, `…(${value.length} items)`] : shown;
  }
  if (typeof value === 'object' && value !== null) {
    if (depth > 3) return '{…}';
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, abridge(v, depth + 1)]));
  }
  return value;
}
