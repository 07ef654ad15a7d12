import { describe, expect, it } from 'vitest';
import type { Hex, SubmitOutcome } from '#core/adapter/ChainAdapter.ts';
import { loadClockMs } from './loadClock.ts';
import type { PresignedTransfer } from './presignTransfers.ts';
import { sendOnSchedule } from './sendOnSchedule.ts';

const transfers: PresignedTransfer[] = Array.from({ length: 10 }, (_, i) => ({
  index: i,
  offsetMs: i * 20,
  signed: { raw: `0x0${i}` as Hex, txId: `0x${i.toString(16).padStart(64, '0')}`, from: '0xa' },
  txId: `0x${i.toString(16).padStart(64, '0')}`,
}));

describe('sendOnSchedule', () => {
  it('sends at the intended times without waiting for slow answers (open model)', async () => {
    const startMs = loadClockMs() + 20;
    // No answer comes until every transfer was sent: a sender that waited for answers would never finish.
    let sent = 0;
    let allSent: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      allSent = resolve;
    });
    const slowSubmit = async (transfer: PresignedTransfer): Promise<SubmitOutcome> => {
      sent += 1;
      if (sent === transfers.length) allSent();
      await gate;
      return transfer.signed.raw === '0x03'
        ? { accepted: false, error: { code: -32000, message: 'nonce too low' } }
        : { accepted: true, txId: transfer.txId };
    };
    const rejectedIds: string[] = [];
    const answeredAt: number[] = [];
    const report = await sendOnSchedule(slowSubmit, transfers, {
      startMs,
      onOutcome: (t, o, answeredAtMs) => {
        if (!o.accepted) rejectedIds.push(t.txId);
        answeredAt.push(answeredAtMs);
      },
    });
    // Each answer comes with its time on the load clock: here, after the last transfer was due.
    expect(answeredAt).toHaveLength(10);
    for (const atMs of answeredAt) expect(atMs).toBeGreaterThanOrEqual(startMs + 180 - 2);
    expect(report).toMatchObject({ sent: 10, accepted: 9, rejected: 1 });
    expect(report.rejections).toEqual([`${transfers[3]!.txId}: -32000 nonce too low`]);
    expect(rejectedIds).toEqual([transfers[3]!.txId]);
    expect(report.sendLag.totalCount).toBe(10);
  });

  it('counts a submission that throws as rejected and records the lag the in-flight bound causes', async () => {
    const startMs = loadClockMs();
    const report = await sendOnSchedule(
      async (transfer) => {
        await new Promise((r) => setTimeout(r, 100));
        if (transfer.signed.raw === '0x00') throw new Error('socket hang up\nmore');
        return { accepted: true, txId: transfer.txId };
      },
      transfers,
      { startMs, maxInFlight: 1 },
    );
    expect(report).toMatchObject({ sent: 10, accepted: 9, rejected: 1 });
    expect(report.rejections[0]).toMatch(/transport: socket hang up$/);
    // With one submission at a time and 100 ms answers, the last send is ~720 ms late.
    expect(report.sendLag.maxValue).toBeGreaterThan(500_000);
  });
});
