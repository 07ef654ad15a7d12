import {
  build,
  decodeFromCompressedBase64,
  encodeIntoCompressedBase64,
  type Histogram,
  JsHistogram,
} from 'hdr-histogram-js';
import { ConfigError } from '#core/errors/ConfigError.ts';

/**
 * HDR histograms of µs values (3 significant digits, auto-resizing), in the pure-JS build so shards
 * in worker threads and Lambdas behave alike. The compressed base64 form is HdrHistogram's standard
 * encoding: decoding and adding shard histograms gives exactly the histogram of all values.
 */
export function newHistogram(): Histogram {
  return build({ numberOfSignificantValueDigits: 3, useWebAssembly: false });
}

export function encodeHistogram(histogram: Histogram): string {
  return encodeIntoCompressedBase64(histogram);
}

export function decodeHistogram(base64: string): Histogram {
  try {
    return decodeFromCompressedBase64(base64, 32, false);
  } catch (cause) {
    throw new ConfigError(
      `stored load histogram "${base64.slice(0, 24)}…" is not an HdrHistogram compressed base64 encoding`,
      {
        cause,
      },
    );
  }
}

/** How many recorded values lie in buckets wholly above `threshold`. */
export function countAbove(histogram: Histogram, threshold: number): number {
  if (!(histogram instanceof JsHistogram))
    throw new TypeError('countAbove needs a pure-JS histogram (useWebAssembly: false)');
  const it = histogram.recordedValuesIterator;
  it.reset();
  let count = 0;
  while (it.hasNext()) {
    const step = it.next();
    if (histogram.lowestEquivalentValue(step.valueIteratedTo) > threshold)
      count += step.countAddedInThisIterationStep;
  }
  return count;
}
