import { describe, expect, it } from 'vitest';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { describeCapacity } from './describeCapacity.ts';

function withCapacity(result: Partial<CheckResult> | undefined) {
  const report = sampleReport();
  const results = report.results.filter((r) => r.checkId !== 'perf-capacity');
  if (result)
    results.push({
      checkId: 'perf-capacity',
      kind: 'load',
      status: 'pass',
      summary: '',
      startedAt: report.createdAt,
      durationMs: 1,
      ...result,
    } as CheckResult);
  return { ...report, results };
}

describe('describeCapacity', () => {
  it('gives the capacity, its p95 latency and the bound that stopped the search', () => {
    const line = describeCapacity(
      withCapacity({
        actual: {
          capacityTps: 2_000,
          committedTps: 1_987.5,
          p95Ms: 1_420.4,
          stoppedBy: '4000 tx/s broke: p95 latency 6100 ms > 5000 ms',
          steps: [],
        },
      }),
    );
    expect(line).toBe(
      'capacity 2,000 tx/s at p95 1.42 s, stopped by 4000 tx/s broke: p95 latency 6100 ms > 5000 ms',
    );
  });

  it('says a search that could not be judged is inconclusive, with the check’s reason, and makes up no figure', () => {
    const line = describeCapacity(
      withCapacity({
        status: 'error',
        summary: 'inconclusive: at the first rate, 50 tx/s, the harness fell behind',
      }),
    );
    expect(line).toBe(
      'capacity: inconclusive — inconclusive: at the first rate, 50 tx/s, the harness fell behind',
    );
    expect(
      describeCapacity(
        withCapacity({
          status: 'fail',
          summary: 'no rate held: at 50 tx/s, …',
          actual: { capacityTps: 0, steps: [] },
        }),
      ),
    ).toBe('capacity: fail — no rate held: at 50 tx/s, …');
    expect(describeCapacity(withCapacity(undefined))).toMatch(/not measured/);
  });
});
