import { type EntryExpectation, invalidEntriesBatch, mixedBatch } from './batchCases.ts';
import { jsonOf, type RawHttpExchange } from './postRawHttp.ts';

export interface BatchJudgement {
  readonly name: string;
  readonly verdict: 'match' | 'tolerated' | 'mismatch';
  /** What was wrong (mismatch) or the recorded deviation (tolerated). */
  readonly notes: readonly string[];
}

const quantity = /^0x(0|[1-9a-f][0-9a-f]*)$/;

type Answer = Record<string, unknown>;
const isObject = (value: unknown): value is Answer =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const idKey = (answer: Answer): string => ('id' in answer ? JSON.stringify(answer.id) : 'missing');
const errorCode = (answer: Answer): number | undefined =>
  isObject(answer.error) && typeof answer.error.code === 'number' ? answer.error.code : undefined;

/** What came back, in words, when it is not the JSON an answer should be. */
function shapeOf(exchange: RawHttpExchange, value: unknown): string {
  if (exchange.kind === 'no-answer') return `no answer (${exchange.code})`;
  if (value === undefined)
    return exchange.body.trim() === ''
      ? `an empty body (HTTP ${exchange.httpStatus})`
      : `HTTP ${exchange.httpStatus} with a body that is not JSON`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return isObject(value)
    ? 'a single response object'
    : `the JSON value ${JSON.stringify(value).slice(0, 40)}`;
}

const judged = (name: string, notes: string[], tolerated: string[] = []): BatchJudgement =>
  notes.length > 0
    ? { name, verdict: 'mismatch', notes }
    : tolerated.length > 0
      ? { name, verdict: 'tolerated', notes: tolerated }
      : { name, verdict: 'match', notes: [] };

function checkEntry(id: unknown, expectation: EntryExpectation, answer: Answer, single: unknown): string[] {
  const label = `id ${JSON.stringify(id)}`;
  const hasResult = 'result' in answer;
  const hasError = 'error' in answer;
  if (hasResult === hasError) return [`${label}: the answer must carry exactly one of result and error`];
  switch (expectation.kind) {
    case 'error':
      return errorCode(answer) === undefined
        ? [
            `${label}: answered ${JSON.stringify(answer.result ?? answer.error).slice(0, 80)}, expected an error object with a code`,
          ]
        : [];
    case 'quantity':
      return typeof answer.result === 'string' && quantity.test(answer.result)
        ? []
        : [
            `${label}: answered ${JSON.stringify(answer.result ?? answer.error).slice(0, 80)}, expected a hex quantity`,
          ];
    case 'same-as-single':
      return JSON.stringify(answer.result) === JSON.stringify(single)
        ? []
        : [
            `${label} (${expectation.method}): answered ${JSON.stringify(answer.result ?? answer.error).slice(0, 80)}, the same call alone answers ${JSON.stringify(single)}`,
          ];
  }
}

/** The mixed batch: one answer per id-bearing request, matched by id, none for the notification. */
export function judgeMixedBatch(exchange: RawHttpExchange, singleChainId: unknown): BatchJudgement {
  const value = jsonOf(exchange);
  if (!Array.isArray(value))
    return judged(mixedBatch.name, [`answered ${shapeOf(exchange, value)}, expected an array of 4 answers`]);
  const notes: string[] = [];
  const byId = new Map<string, Answer[]>();
  for (const answer of value) {
    if (!isObject(answer)) {
      notes.push(`the array holds ${JSON.stringify(answer).slice(0, 40)}, which is not a response object`);
      continue;
    }
    byId.set(idKey(answer), [...(byId.get(idKey(answer)) ?? []), answer]);
  }
  const expectedIds = new Set<string>();
  for (const entry of mixedBatch.entries) {
    if (!('expect' in entry)) continue;
    const key = JSON.stringify(entry.request.id);
    expectedIds.add(key);
    const answers = byId.get(key) ?? [];
    if (answers.length !== 1) {
      notes.push(`id ${key}: ${answers.length} answers, expected exactly one`);
      continue;
    }
    notes.push(...checkEntry(entry.request.id, entry.expect, answers[0] as Answer, singleChainId));
  }
  for (const [key, answers] of byId) {
    if (expectedIds.has(key)) continue;
    notes.push(
      key === 'null' || key === 'missing'
        ? `${answers.length} answer(s) with ${key === 'null' ? 'id null' : 'no id'}: the notification must not be answered (JSON-RPC 2.0 §4.1)`
        : `${answers.length} answer(s) with id ${key}, which no request carried`,
    );
  }
  return judged(mixedBatch.name, notes);
}

/** `[]`: a single -32600 error object. */
export function judgeEmptyBatch(exchange: RawHttpExchange): BatchJudgement {
  const value = jsonOf(exchange);
  if (isObject(value) && errorCode(value) === -32600) return judged('empty-batch', []);
  if (isObject(value))
    return judged('empty-batch', [
      `answered a single object with ${errorCode(value) === undefined ? 'no error' : `error ${errorCode(value)}`}, expected error -32600`,
    ]);
  return judged('empty-batch', [
    `answered ${shapeOf(exchange, value)}, expected a single error object -32600`,
  ]);
}

/** `[valid, {"foo":"boo"}, 1]`: the valid entry answered, each invalid one -32600 with id null. */
export function judgeInvalidEntriesBatch(exchange: RawHttpExchange, singleChainId: unknown): BatchJudgement {
  const { name, validId, invalidCount } = invalidEntriesBatch;
  const value = jsonOf(exchange);
  if (isObject(value) && errorCode(value) === -32600) {
    return judged(
      name,
      [],
      [
        'rejected the whole batch with one -32600 error instead of answering each entry; tolerated: no answer is attributed to a wrong id',
      ],
    );
  }
  if (!Array.isArray(value))
    return judged(name, [
      `answered ${shapeOf(exchange, value)}, expected an array of ${invalidCount + 1} answers`,
    ]);
  const notes: string[] = [];
  const answers = value.filter(isObject);
  const valid = answers.filter((a) => idKey(a) === JSON.stringify(validId));
  if (valid.length !== 1) notes.push(`id ${validId}: ${valid.length} answers, expected exactly one`);
  else
    notes.push(
      ...checkEntry(
        validId,
        { kind: 'same-as-single', method: 'eth_chainId' },
        valid[0] as Answer,
        singleChainId,
      ),
    );
  const rest = answers.filter((a) => idKey(a) !== JSON.stringify(validId));
  if (rest.length !== invalidCount || value.length !== answers.length)
    notes.push(
      `${rest.length} answers for the ${invalidCount} entries that are not requests, expected one each`,
    );
  for (const answer of rest) {
    const code = errorCode(answer);
    if (code !== -32600)
      notes.push(
        `an invalid entry was answered ${code === undefined ? 'without an error' : `error ${code}`}, expected -32600`,
      );
    if (idKey(answer) !== 'null')
      notes.push(
        idKey(answer) === 'missing'
          ? "an invalid entry's error has no id member, expected id null"
          : `an invalid entry's error carries id ${idKey(answer)}, expected id null`,
      );
  }
  return judged(name, [...new Set(notes)]);
}

/** Only notifications: nothing comes back. */
export function judgeNotificationsOnly(exchange: RawHttpExchange): BatchJudgement {
  if (exchange.kind === 'answered' && exchange.httpStatus < 300 && exchange.body.trim() === '')
    return judged('notifications-only', []);
  return judged('notifications-only', [
    `answered ${shapeOf(exchange, jsonOf(exchange))}, expected no response for a batch of notifications`,
  ]);
}
