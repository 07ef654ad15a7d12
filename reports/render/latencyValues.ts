import { JsHistogram } from 'hdr-histogram-js';
import { decodeHistogram } from '#load/histogramCodec.ts';

/** One recorded value of an HDR histogram, in ms, with how many transactions fell on it. */
export type LatencyValue = readonly [ms: number, count: number];

/**
 * Every recorded value of a report's HDR histogram of inclusion latency (µs, compressed base64), in
 * ms, ascending. Undefined when the histogram is empty or unreadable, so a page draws no
 * distribution rather than an invented one. Kept apart from binning because the comparison bins
 * several reports' values on one shared range.
 */
export function latencyValues(base64: string): LatencyValue[] | undefined {
  let histogram: ReturnType<typeof decodeHistogram>;
  try {
    histogram = decodeHistogram(base64);
  } catch {
    return undefined;
  }
  if (!(histogram instanceof JsHistogram) || histogram.totalCount === 0) return undefined;
  const values: LatencyValue[] = [];
  const it = histogram.recordedValuesIterator;
  it.reset();
  while (it.hasNext()) {
    const step = it.next();
    values.push([histogram.medianEquivalentValue(step.valueIteratedTo) / 1_000, step.countAtValueIteratedTo]);
  }
  return values;
}
