import { jsonOf, type RawHttpExchange } from '#conformance/api/postRawHttp.ts';

/**
 * How one answer to a malformed request is judged. `ok`: as JSON-RPC 2.0 specifies. `tolerated`: a
 * convention the specification leaves open or a deviation another check judges, accepted and recorded
 * (`notes`). `violation`: what no client can rely on (`notes` say what).
 */
export interface FuzzJudgement {
  readonly verdict: 'ok' | 'tolerated' | 'violation';
  readonly notes: readonly string[];
}

/**
 * Error codes a client can branch on: JSON-RPC 2.0 §5.1 (-32700, -32600..-32603, the server range
 * -32000..-32099, which holds EIP-1474's -32000..-32006) and 3, execution-apis' "execution reverted".
 */
export function isStandardErrorCode(code: number): boolean {
  return (
    code === -32700 || (code >= -32603 && code <= -32600) || (code >= -32099 && code <= -32000) || code === 3
  );
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON-RPC 2.0 §4: a request id is a string or a number (integers: fractions SHOULD NOT be used). */
const isValidId = (id: unknown): id is string | number =>
  typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id));

const show = (value: unknown): string => JSON.stringify(value)?.slice(0, 80) ?? String(value);

/** Problems of one response object, alone (shape, code); ids are judged by the caller. */
function responseProblems(response: unknown): string[] {
  if (!isObject(response)) return [`${show(response)} is not a response object`];
  const problems: string[] = [];
  if (response.jsonrpc !== '2.0') problems.push(`jsonrpc is ${show(response.jsonrpc)}, not "2.0"`);
  const hasResult = 'result' in response;
  const hasError = 'error' in response;
  if (hasResult === hasError) problems.push('the response must carry exactly one of result and error');
  if (hasError) {
    const error = response.error;
    if (!isObject(error) || typeof error.code !== 'number' || !Number.isInteger(error.code))
      problems.push(`error ${show(error)} has no integer code`);
    else {
      if (!isStandardErrorCode(error.code))
        problems.push(`error code ${error.code} is outside the standard ranges`);
      if (typeof error.message !== 'string') problems.push(`error ${error.code} has no message string`);
    }
  }
  return problems;
}

/** The answer's id against the request's: [violations, tolerated notes]. */
function idProblems(requestId: unknown, hasId: boolean, response: Json): [string[], string[]] {
  const answered = 'id' in response;
  if (hasId && isValidId(requestId)) {
    if (answered && response.id === requestId) return [[], []];
    // A request the server could not read as valid (bad jsonrpc, method) may be answered with id null (§5).
    if ('error' in response && (response.id === null || !answered))
      return [
        [],
        answered
          ? []
          : ['an error for a request with a valid id carries no id member (expected its id or null)'],
      ];
    return [
      [`answered id ${answered ? show(response.id) : '(none)'} to a request with id ${show(requestId)}`],
      [],
    ];
  }
  // No valid id (notification, null, fraction, object): nothing can be attributed to it.
  if (!answered)
    return [[], ['an answer to a request without a valid id carries no id member (expected null)']];
  if (response.id === null) return [[], []];
  if (hasId && JSON.stringify(response.id) === JSON.stringify(requestId))
    return [[], [`echoed the invalid id ${show(requestId)} instead of null`]];
  return [
    [
      `answered id ${show(response.id)} to a request ${hasId ? `with invalid id ${show(requestId)}` : 'without id'}`,
    ],
    [],
  ];
}

const judged = (violations: string[], tolerated: string[]): FuzzJudgement =>
  violations.length > 0
    ? { verdict: 'violation', notes: [...new Set(violations)] }
    : tolerated.length > 0
      ? { verdict: 'tolerated', notes: [...new Set(tolerated)] }
      : { verdict: 'ok', notes: [] };

/** A single response object to a single request object (or to a body that is no request). */
function judgeSingle(request: unknown, response: unknown, empty: boolean): FuzzJudgement {
  const isRequest = isObject(request);
  const hasId = isRequest && 'id' in request;
  if (empty) {
    return isRequest && !hasId
      ? judged([], [])
      : judged(
          [`an empty answer to ${isRequest ? 'a request with an id' : 'a body that is no request'}`],
          [],
        );
  }
  if (Array.isArray(response))
    return judged(
      [`answered an array of ${response.length} to a single ${isRequest ? 'request' : 'value'}`],
      [],
    );
  const shape = responseProblems(response);
  if (shape.length > 0) return judged(shape, []);
  const answer = response as Json;
  if (!isRequest) {
    if (!('error' in answer))
      return judged([`answered a result to ${show(request)}, which is no request`], []);
    return judged(...idProblems(undefined, false, answer));
  }
  const [violations, tolerated] = idProblems(request.id, hasId, answer);
  if (!hasId)
    tolerated.push('answered a notification (JSON-RPC 2.0 §4.1 asks for no answer; API-04 judges it)');
  return judged(violations, tolerated);
}

/** A batch (non-empty array): one answer per id-bearing request, each well formed, ids not invented. */
function judgeBatch(entries: readonly unknown[], response: unknown, empty: boolean): FuzzJudgement {
  const withId = entries.filter((e): e is Json => isObject(e) && 'id' in e && isValidId(e.id));
  if (empty) {
    return withId.length === 0
      ? judged([], [])
      : judged([`an empty answer to a batch holding ${withId.length} request(s) with an id`], []);
  }
  if (isObject(response)) {
    // Rejecting the whole batch with one error (anvil does, for any invalid entry) attributes nothing wrongly.
    const shape = responseProblems(response);
    if (shape.length > 0) return judged(shape, []);
    if (!('error' in response)) return judged(['answered a batch with a single result'], []);
    if (response.id !== null && 'id' in response)
      return judged([`a whole-batch error carries id ${show(response.id)}`], []);
    return judged(
      [],
      ['rejected the whole batch with one error object instead of answering each entry (API-04 judges it)'],
    );
  }
  if (!Array.isArray(response)) return judged([`answered ${show(response)} to a batch`], []);
  const violations: string[] = [];
  const tolerated: string[] = [];
  if (response.length > entries.length)
    violations.push(`${response.length} answers to a batch of ${entries.length} entries`);
  const asked = new Map<string, number>();
  for (const e of withId) asked.set(JSON.stringify(e.id), (asked.get(JSON.stringify(e.id)) ?? 0) + 1);
  const got = new Map<string, number>();
  for (const item of response) {
    const shape = responseProblems(item);
    if (shape.length > 0) {
      violations.push(...shape);
      continue;
    }
    const answer = item as Json;
    if (!('id' in answer) || answer.id === null) {
      if (!('id' in answer)) tolerated.push('an answer in the batch carries no id member (expected null)');
      continue;
    }
    const key = JSON.stringify(answer.id);
    got.set(key, (got.get(key) ?? 0) + 1);
    if (!asked.has(key)) {
      const echoed = entries.some((e) => isObject(e) && 'id' in e && JSON.stringify(e.id) === key);
      if (echoed) tolerated.push(`echoed the invalid id ${key} instead of null`);
      else violations.push(`an answer carries id ${key}, which no entry of the batch had`);
    }
  }
  for (const [key, count] of asked) {
    const answers = got.get(key) ?? 0;
    if (answers > count) violations.push(`id ${key} answered ${answers} times for ${count} request(s)`);
    // An id-bearing entry answered with id null (the server could not read it as valid) leaves it unmatched.
    if (
      answers === 0 &&
      !response.some((r) => isObject(r) && 'error' in r && (r.id === null || !('id' in r)))
    )
      violations.push(`the request with id ${key} got no answer`);
  }
  return judged(violations, tolerated);
}

/**
 * Judges the node's answer to one malformed body `sent` (issue 8 deliverable 3), per JSON-RPC 2.0 and
 * the conventions real nodes use; the comparison policy is PROP-07's description:
 * - no answer (reset, timeout) or an HTTP 3xx or 5xx without a JSON-RPC error: violation;
 * - a body that is not JSON: a JSON-RPC error with id null, or any HTTP 4xx (ganache 7.9.2 answers
 *   400 text/plain), tolerated; an HTTP 413 is accepted for any body;
 * - a single request: one response object, `jsonrpc` "2.0", exactly one of result and error, an
 *   integer error code in the standard ranges (isStandardErrorCode), and its own id — or null when the
 *   server could not read the request as valid. Results to malformed parameters are not judged here
 *   (API-06 judges leniency); a notification may be answered (id null) or not;
 * - an empty batch: one error object, or `[]` (Hardhat 2.29.1, ganache 7.9.2) tolerated: API-04 judges it;
 * - a non-empty batch: an array of response objects, no id answered more often than asked, none
 *   invented, every id-bearing request answered; or one whole-batch error object (anvil), tolerated.
 */
export function judgeFuzzAnswer(sent: string, exchange: RawHttpExchange): FuzzJudgement {
  if (exchange.kind === 'no-answer') return judged([`no answer (${exchange.code})`], []);
  const status = exchange.httpStatus;
  if (exchange.truncated) return judged([`HTTP ${status} with an answer larger than the harness reads`], []);
  if (status === 413) return judged([], ['refused the body as too large (HTTP 413)']);
  const request = parseJson(sent);
  const answer = jsonOf(exchange);
  const empty = exchange.body.trim() === '';
  if (answer === undefined && !empty) {
    if (status >= 400 && status < 500 && request === unparseable)
      return judged([], [`answered unparseable JSON with HTTP ${status} and a body that is not JSON-RPC`]);
    return judged(
      [
        `HTTP ${status} with a body that is not JSON (${(exchange.contentType ?? 'no content type').slice(0, 40)}): ${exchange.body.slice(0, 60)}`,
      ],
      [],
    );
  }
  if (status >= 300 && status < 400) return judged([`HTTP ${status} (a redirect) to a JSON-RPC request`], []);
  const fromServerError = status >= 500;
  const result =
    request === unparseable
      ? judgeSingle(undefined, answer, empty)
      : Array.isArray(request) && request.length > 0
        ? judgeBatch(request, answer, empty)
        : Array.isArray(request)
          ? judgeEmptyBatch(answer, empty)
          : judgeSingle(request, answer, empty);
  if (fromServerError && result.verdict !== 'violation') {
    if (empty) return judged([`HTTP ${status} with an empty body`], []);
    return judged([], [...result.notes, `answered with HTTP ${status} around a JSON-RPC error`]);
  }
  if (empty && status >= 400) return judged([`HTTP ${status} with an empty body`], []);
  return result;
}

function judgeEmptyBatch(answer: unknown, empty: boolean): FuzzJudgement {
  if (empty) return judged(['an empty answer to an empty batch (expected one error object)'], []);
  if (Array.isArray(answer) && answer.length === 0)
    return judged([], ['answered an empty batch with [] instead of one error object (API-04 judges it)']);
  if (!isObject(answer)) return judged([`answered ${show(answer)} to an empty batch`], []);
  const shape = responseProblems(answer);
  if (shape.length > 0) return judged(shape, []);
  if (!('error' in answer)) return judged(['answered an empty batch with a result'], []);
  return judged(...idProblems(undefined, false, answer));
}

const unparseable = Symbol('unparseable');
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return unparseable;
  }
}
