import { describe, expect, it } from 'vitest';
import {
  judgeEmptyBatch,
  judgeInvalidEntriesBatch,
  judgeMixedBatch,
  judgeNotificationsOnly,
} from './judgeBatch.ts';
import type { RawHttpExchange } from './postRawHttp.ts';

const answered = (body: unknown, httpStatus = 200): RawHttpExchange => ({
  kind: 'answered',
  httpStatus,
  contentType: 'application/json',
  body: typeof body === 'string' ? body : JSON.stringify(body),
  truncated: false,
  elapsedMs: 1,
});
const ok = (id: unknown, result: unknown) => ({ jsonrpc: '2.0', id, result });
const err = (id: unknown, code: number) => ({ jsonrpc: '2.0', id, error: { code, message: 'x' } });
const chainId = '0x7a69';
const mixed = [ok(1, chainId), err('b', -32601), err(3, -32602), ok(4, '0x5')];

describe('judgeMixedBatch', () => {
  it('matches one answer per id in any order, with the right content', () => {
    expect(judgeMixedBatch(answered([...mixed].reverse()), chainId)).toEqual({
      name: 'mixed-batch',
      verdict: 'match',
      notes: [],
    });
  });

  it('fails when ids are paired with the wrong answers', () => {
    const rotated = mixed.map((a, i) => ({ ...a, id: mixed[(i + 1) % mixed.length]?.id }));
    const { verdict, notes } = judgeMixedBatch(answered(rotated), chainId);
    expect(verdict).toBe('mismatch');
    expect(notes).toContain('id 1 (eth_chainId): answered "0x5", the same call alone answers "0x7a69"');
    expect(notes.some((n) => n.startsWith('id "b": answered "0x7a69"'))).toBe(true);
  });

  it('fails when the notification is answered or an id is missing or doubled', () => {
    expect(judgeMixedBatch(answered([...mixed, ok(null, chainId)]), chainId).notes).toEqual([
      '1 answer(s) with id null: the notification must not be answered (JSON-RPC 2.0 §4.1)',
    ]);
    expect(
      judgeMixedBatch(answered([...mixed, { jsonrpc: '2.0', result: chainId }]), chainId).notes[0],
    ).toMatch(/with no id/);
    expect(judgeMixedBatch(answered(mixed.slice(1)), chainId).notes).toEqual([
      'id 1: 0 answers, expected exactly one',
    ]);
    expect(judgeMixedBatch(answered([...mixed, ok(4, '0x5')]), chainId).notes).toEqual([
      'id 4: 2 answers, expected exactly one',
    ]);
  });

  it('fails when the answer is not an array', () => {
    expect(judgeMixedBatch(answered(err(null, -32600)), chainId).notes).toEqual([
      'answered a single response object, expected an array of 4 answers',
    ]);
  });
});

describe('the other batches', () => {
  it('wants a single -32600 for the empty batch, not an empty array', () => {
    expect(judgeEmptyBatch(answered(err(null, -32600))).verdict).toBe('match');
    expect(judgeEmptyBatch(answered([])).notes).toEqual([
      'answered an array of 0, expected a single error object -32600',
    ]);
  });

  it('wants -32600 with id null per invalid entry, and tolerates whole-batch rejection', () => {
    expect(
      judgeInvalidEntriesBatch(answered([ok(7, chainId), err(null, -32600), err(null, -32600)]), chainId)
        .verdict,
    ).toBe('match');
    expect(judgeInvalidEntriesBatch(answered(err(null, -32600)), chainId).verdict).toBe('tolerated');
    const ganacheLike = [
      ok(7, chainId),
      { jsonrpc: '2.0', error: { code: -32700, message: 'x' } },
      { jsonrpc: '2.0', error: { code: -32700, message: 'x' } },
    ];
    expect(judgeInvalidEntriesBatch(answered(ganacheLike), chainId).notes).toEqual([
      'an invalid entry was answered error -32700, expected -32600',
      "an invalid entry's error has no id member, expected id null",
    ]);
  });

  it('wants nothing back for notifications only', () => {
    expect(judgeNotificationsOnly(answered('', 204)).verdict).toBe('match');
    expect(judgeNotificationsOnly(answered([ok(null, chainId)])).notes[0]).toMatch(/^answered an array of 1/);
  });
});
