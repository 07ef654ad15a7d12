import type { z } from 'zod';
import type { RawRpcApi, RpcOutcome } from '#core/adapter/ChainAdapter.ts';
import { RpcCallError } from '#core/errors/TargetError.ts';

/** One JSON-RPC exchange as a ledger check's evidence shows it: what was asked, and what came back (abridged). */
export interface RpcExchange {
  /** Which endpoint of the network answered (0 = the first `--target`). */
  readonly endpoint: number;
  readonly method: string;
  readonly params: readonly unknown[];
  readonly answer: unknown;
}

/** The exchanges of one check, shared by the readers of all its endpoints so evidence shows one ordered list. */
export interface RpcLog {
  readonly calls: RpcExchange[];
  notShown: number;
}

/** A read of a value the execution API promises: the value, or why the answer is not one. */
export type RpcRead<T> =
  | {
      readonly ok: true;
      readonly value: T /** The result exactly as the node sent it. */;
      readonly raw: unknown;
    }
  | { readonly ok: false; readonly problem: string; readonly outcome: RpcOutcome };

export interface RpcReader {
  /** Index of the endpoint in the network (0 = first `--target`). */
  readonly endpoint: number;
  /** How evidence names it: `endpoint 2 (http://…)`. */
  readonly label: string;
  /** One raw exchange, recorded. An HTTP error without a JSON-RPC answer throws: the transport is broken. */
  request(method: string, params: readonly unknown[]): Promise<RpcOutcome>;
  /**
   * A result of `shape` (`null` allowed when `nullable`), or the problem: a JSON-RPC error, or a
   * malformed result naming the field and the value.
   */
  read<S extends z.ZodType>(
    method: string,
    params: readonly unknown[],
    shape: S,
  ): Promise<RpcRead<z.output<S>>>;
  /** As `read`, `null` allowed; `quietWhenNull` keeps polls that find nothing out of the evidence. */
  readNullable<S extends z.ZodType>(
    method: string,
    params: readonly unknown[],
    shape: S,
    options?: { readonly quietWhenNull?: boolean },
  ): Promise<RpcRead<z.output<S> | null>>;
  /** As `read`, but not recorded: for polls, whose last answer the caller reads again on the record. */
  readQuietly<S extends z.ZodType>(
    method: string,
    params: readonly unknown[],
    shape: S,
  ): Promise<RpcRead<z.output<S>>>;
}

/** Evidence stays bounded: this many exchanges are kept, each answer abridged. */
const maxExchanges = 40;
/** A 32-byte hash stays whole; blooms, code and calldata are cut. */
const maxAnswerChars = 66;
const maxAnswerFields = 14;

export function createRpcLog(): RpcLog {
  return { calls: [], notShown: 0 };
}

/** The evidence form of a log: the calls kept, and how many more were made. */
export function rpcEvidence(log: RpcLog): { calls: readonly RpcExchange[]; callsNotShown: number } {
  return { calls: log.calls, callsNotShown: log.notShown };
}

/**
 * Records the exchanges a check makes with one endpoint, so its evidence lists the exact calls
 * (method + params) and the answers, and validates every result against the shape the execution API
 * promises. Transport failures (nothing answers, timeouts) propagate as TargetErrors: the check's
 * verdict becomes `error`, because the endpoint stopped answering.
 */
export function createRpcReader(
  rpc: RawRpcApi,
  endpoint: number,
  url: string,
  log: RpcLog = createRpcLog(),
): RpcReader {
  const record = (method: string, params: readonly unknown[], answer: unknown): void => {
    if (log.calls.length < maxExchanges)
      log.calls.push({ endpoint, method, params, answer: abridge(answer) });
    else log.notShown += 1;
  };
  const request = async (
    method: string,
    params: readonly unknown[],
    quiet: 'never' | 'when-null' | 'always' = 'never',
  ): Promise<RpcOutcome> => {
    const outcome = await rpc.request(method, params);
    if (quiet === 'always' && outcome.kind !== 'http-error') return outcome;
    if (quiet === 'when-null' && outcome.kind === 'result' && outcome.result === null) return outcome;
    if (outcome.kind === 'http-error') {
      record(method, params, { httpStatus: outcome.httpStatus, body: outcome.body });
      throw new RpcCallError(
        `${method} on ${url} failed: HTTP ${outcome.httpStatus} without a JSON-RPC answer`,
        { method, code: undefined, httpStatus: outcome.httpStatus, endpoint: url },
      );
    }
    record(method, params, outcome.kind === 'result' ? { result: outcome.result } : { error: outcome.error });
    return outcome;
  };
  const parse = async <S extends z.ZodType>(
    method: string,
    params: readonly unknown[],
    shape: S,
    nullable: boolean,
    quiet: 'never' | 'when-null' | 'always' = 'never',
  ): Promise<RpcRead<z.output<S> | null>> => {
    const outcome = await request(method, params, quiet);
    const call = `${method}(${JSON.stringify(params)})`;
    if (outcome.kind === 'error') {
      const { code, message } = outcome.error;
      return {
        ok: false,
        problem: `${call} on endpoint ${endpoint + 1} answered error ${code} "${message.slice(0, 160)}"`,
        outcome,
      };
    }
    if (outcome.kind !== 'result') throw new Error('unreachable: HTTP errors throw above');
    if (outcome.result === null && nullable) return { ok: true, value: null, raw: null };
    const parsed = shape.safeParse(outcome.result);
    if (parsed.success) return { ok: true, value: parsed.data, raw: outcome.result };
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `field ${issue.path.join('.')}` : 'result';
    const got = JSON.stringify(valueAt(outcome.result, issue?.path ?? []))?.slice(0, 80) ?? 'undefined';
    return {
      ok: false,
      problem: `${call} on endpoint ${endpoint + 1} answered a malformed ${where}: ${issue?.message ?? 'invalid'} (got ${got})`,
      outcome,
    };
  };
  return {
    endpoint,
    label: `endpoint ${endpoint + 1} (${url})`,
    request: (method, params) => request(method, params),
    read: (method, params, shape) =>
      parse(method, params, shape, false) as Promise<RpcRead<z.output<typeof shape>>>,
    readNullable: (method, params, shape, options) =>
      parse(method, params, shape, true, options?.quietWhenNull ? 'when-null' : 'never'),
    readQuietly: (method, params, shape) =>
      parse(method, params, shape, false, 'always') as Promise<RpcRead<z.output<typeof shape>>>,
  };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return at;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** Long strings (blooms, code) and long lists (transactions) are shortened, with their full size stated. */
export function abridge(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return value.length > maxAnswerChars
      ? `${value.slice(0, maxAnswerChars)}…(${value.length} chars)`
      : value;
  }
  if (Array.isArray(value)) {
    const shown = value.slice(0, 4).map((v) => abridge(v, depth + 1));
    return value.length > 4 ? [...shown, `…(${value.length} items)`] : shown;
  }
  if (typeof value === 'object' && value !== null) {
    if (depth > 2) return '{…}';
    const entries = Object.entries(value);
    const shown = entries.slice(0, maxAnswerFields).map(([k, v]) => [k, abridge(v, depth + 1)]);
    if (entries.length > maxAnswerFields)
      shown.push(['…', `${entries.length - maxAnswerFields} more fields`]);
    return Object.fromEntries(shown);
  }
  return value;
}
