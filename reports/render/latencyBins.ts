import { JsHistogram } from 'hdr-histogram-js';
import { decodeHistogram } from '#load/histogramCodec.ts';

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
  let histogram: ReturnType<typeof decodeHistogram>;
  try {
    histogram = decodeHistogram(base64);
  } catch {
    return undefined;
  }
  if (!(histogram instanceof JsHistogram) || histogram.totalCount === 0) return undefined;
  const values: [number, number][] = [];
  const it = histogram.recordedValuesIterator;
  it.reset();
  while (it.hasNext()) {
    const step = it.next();
    values.push([histogram.medianEquivalentValue(step.valueIteratedTo) / 1_000, step.countAtValueIteratedTo]);
  }
  const min = Math.min(...values.map(([v]) => v));
  const max = Math.max(...values.map(([v]) => v));
  const span = max - min;
  const count = span === 0 ? 1 : binCount;
  const width = span === 0 ? 1 : span / count;
  const bins = Array.from({ length: count }, (_, i) => ({
    fromMs: min + i * width,
    toMs: min + (i + 1) * width,
    count: 0,
  }));
  for (const [v, n] of values) {
    const i = Math.min(count - 1, Math.floor((v - min) / width));
    bins[i]!.count += n;
  }
  return bins;
}
