import { type Hex, keccak256 } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmitOutcome } from '#core/adapter/ChainAdapter.ts';
import { createSenderPool } from './createSenderPool.ts';
import { loadClockMs } from './loadClock.ts';
import { type NullSink, startNullSink } from './startNullSink.ts';

/** Fake signed bytes: the null sink acknowledges any hex with its keccak256 and refuses the rest. */
const items = Array.from({ length: 300 }, (_, i) => {
  const raw = (i === 7 ? '0xzz' : `0x${i.toString(16).padStart(8, '0')}`) as Hex;
  return { index: i, offsetMs: i * 2, txId: `item-${i}`, signed: { raw } };
});

describe('createSenderPool', () => {
  let sink: NullSink;
  beforeAll(async () => {
    sink = await startNullSink();
  });
  afterAll(async () => {
    await sink?.stop();
  });

  it.each([
    ['worker threads', 30_000],
    // No time to start: the pool falls back to sending on this thread, with the same semantics.
    ['this thread', 0],
  ] as const)(
    'sends every item once from %s and reports each answer with its time',
    async (mode, startTimeoutMs) => {
      const pool = await createSenderPool({
        threads: 2,
        target: { url: sink.url, timeoutMs: 10_000, maxResponseBytes: 1 << 20 },
        startTimeoutMs,
      });
      try {
        expect(pool.mode).toBe(mode);
        const seen = new Map<string, { outcome: SubmitOutcome; atMs: number }>();
        const startMs = loadClockMs() + 50;
        const report = await pool.send(items, {
          startMs,
          onOutcome: (item, outcome, answeredAtMs) => {
            expect(seen.has(item.txId)).toBe(false);
            seen.set(item.txId, { outcome, atMs: answeredAtMs });
          },
        });
        expect(report).toMatchObject({ sent: 300, accepted: 299, rejected: 1 });
        expect(report.sendLag.totalCount).toBe(300);
        expect(report.rejections).toEqual(['item-7: -32602 raw transaction must be 0x-prefixed hex']);
        expect(seen.size).toBe(300);
        for (const item of items) {
          const { outcome, atMs } = seen.get(item.txId)!;
          if (item.index === 7) expect(outcome.accepted).toBe(false);
          else expect(outcome).toEqual({ accepted: true, txId: keccak256(item.signed.raw) });
          // Answered after it was due, on the schedule's clock (a timer may fire up to 1 ms early, and a
          // worker's clock is anchored at its own start: a sub-millisecond difference).
          expect(atMs).toBeGreaterThanOrEqual(startMs + item.offsetMs - 2);
          expect(atMs).toBeLessThan(loadClockMs());
        }
      } finally {
        await pool.close();
      }
    },
  );

  it('stops sending when the run is interrupted, and still answers what was sent', async () => {
    const pool = await createSenderPool({
      threads: 2,
      target: { url: sink.url, timeoutMs: 10_000, maxResponseBytes: 1 << 20 },
    });
    try {
      const abort = new AbortController();
      const slow = items.map((item, i) => ({ ...item, offsetMs: i * 20 }));
      setTimeout(() => abort.abort(), 300);
      let answered = 0;
      const report = await pool.send(slow, {
        startMs: loadClockMs(),
        signal: abort.signal,
        onOutcome: () => {
          answered += 1;
        },
      });
      expect(report.sent).toBeLessThan(300);
      expect(report.accepted + report.rejected).toBe(report.sent);
      expect(answered).toBe(report.sent);
    } finally {
      await pool.close();
    }
  });
});
