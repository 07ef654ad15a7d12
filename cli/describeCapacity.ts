import { z } from 'zod';
import type { Report } from '#core/report/ReportSchema.ts';
import { capacityLoadChecks } from '#load/capacityLoadChecks.ts';

/** What judgeCapacity (load-tests/judgeCapacity.ts) stores in a held search's `actual`. */
const HeldCapacitySchema = z.object({
  capacityTps: z.number().positive(),
  p95Ms: z.number().nonnegative(),
  stoppedBy: z.string(),
});

const figure = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * The closing line of `evaluate --load capacity`: "capacity 2,000 tx/s at p95 1.42 s, stopped by
 * 4,000 tx/s broke: …", read from the capacity check's result. A search that held nowhere, or could
 * not be judged, says so with the check's own summary; no figure is made up.
 */
export function describeCapacity(report: Report): string {
  const result = report.results.find((r) => r.checkId === capacityLoadChecks.capacity.id);
  if (!result) return 'capacity: not measured (the run stored no capacity result)';
  const held = HeldCapacitySchema.safeParse(result.actual);
  if (held.success && result.status !== 'error') {
    const { capacityTps, p95Ms, stoppedBy } = held.data;
    const target = result.status === 'fail' ? '; below loadTpsTarget, so PERF-04 fails' : '';
    return `capacity ${figure(capacityTps)} tx/s at p95 ${figure(p95Ms / 1_000)} s, stopped by ${stoppedBy}${target}`;
  }
  const verdict = result.status === 'error' ? 'inconclusive' : result.status;
  return `capacity: ${verdict} — ${result.summary}`;
}
