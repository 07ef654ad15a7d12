import type { LatencyBin } from './latencyBins.ts';
import type { LatencyValue } from './latencyValues.ts';

/**
 * Counts `values` into `binCount` equal-width bins from `fromMs` to `toMs` (one bin when the range
 * is a single value). A value outside the range lands in the nearest end bin, so no transaction is
 * dropped from a distribution.
 */
export function binLatencies(
  values: readonly LatencyValue[],
  fromMs: number,
  toMs: number,
  binCount: number,
): LatencyBin[] {
  const span = toMs - fromMs;
  const count = span === 0 ? 1 : binCount;
  const width = span === 0 ? 1 : span / count;
  const bins = Array.from({ length: count }, (_, i) => ({
    fromMs: fromMs + i * width,
    toMs: fromMs + (i + 1) * width,
    count: 0,
  }));
  for (const [v, n] of values) {
    const i = Math.max(0, Math.min(count - 1, Math.floor((v - fromMs) / width)));
    bins[i]!.count += n;
  }
  return bins;
}
