import { binLatencies } from './binLatencies.ts';
import { latencyValues } from './latencyValues.ts';

export interface LatencyBin {
  readonly fromMs: number;
  readonly toMs: number;
  readonly count: number;
}

/**
 * The report's HDR histogram of inclusion latency (µs, compressed base64) as `binCount` equal-width
 * bins between the lowest and highest recorded value, in ms. Undefined when the histogram is empty
 * or unreadable: the page then draws no distribution rather than an invented one.
 */
export function latencyBins(base64: string, binCount = 24): LatencyBin[] | undefined {
  const values = latencyValues(base64);
  if (values === undefined) return undefined;
  const ms = values.map(([v]) => v);
  return binLatencies(values, Math.min(...ms), Math.max(...ms), binCount);
}
