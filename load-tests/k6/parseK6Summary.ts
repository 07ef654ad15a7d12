import { z } from 'zod';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { type K6ExportManifest, K6ExportManifestSchema } from './K6ExportManifestSchema.ts';

/** One metric of a k6 summary, as k6 names its statistics: count, rate, passes, fails, avg, min, med, max, p(95) … */
export interface K6Metric {
  readonly type?: 'counter' | 'gauge' | 'rate' | 'trend';
  readonly values: Readonly<Record<string, number>>;
  /** Threshold expression → whether it held. */
  readonly thresholds: Readonly<Record<string, boolean>>;
}

export interface K6Summary {
  /** `handle-summary`: the object k6 hands handleSummary(); `summary-export`: `k6 run --summary-export`. */
  readonly shape: 'handle-summary' | 'summary-export';
  readonly metrics: ReadonlyMap<string, K6Metric>;
  readonly testRunDurationMs?: number;
  /** k6 instances whose summaries were merged (mergeK6Summaries); percentiles are then upper bounds. @default 1 */
  readonly instances?: number;
  /** The export's manifest, where the script's handleSummary wrote it beside k6's data. */
  readonly manifest?: K6ExportManifest;
}

/** The object handleSummary() receives (k6 ≥ 0.30): every metric with its type, values and thresholds' `ok`. */
const HandleSummaryMetricSchema = z.object({
  type: z.enum(['counter', 'gauge', 'rate', 'trend']),
  contains: z.string().optional(),
  values: z.record(z.string(), z.number()),
  thresholds: z.record(z.string(), z.object({ ok: z.boolean() })).optional(),
});
const HandleSummarySchema = z.object({
  metrics: z.record(z.string(), HandleSummaryMetricSchema),
  state: z.object({ testRunDurationMs: z.number().nonnegative() }).partial().optional(),
  chaineval: z.unknown().optional(),
});

/**
 * `--summary-export` (the legacy format): statistics flat on the metric, a rate's share in `value`,
 * and thresholds as booleans that are true when the threshold FAILED (k6 issue #1498, kept for
 * compatibility).
 */
const SummaryExportMetricSchema = z
  .object({ thresholds: z.record(z.string(), z.boolean()).optional() })
  .catchall(z.number());
const SummaryExportSchema = z.object({ metrics: z.record(z.string(), SummaryExportMetricSchema) });

/**
 * k6's end-of-test summary, from either of the two JSON shapes k6 writes, with the export's manifest
 * if the script put it there. A file that is neither is one line saying what it is not.
 */
export function parseK6Summary(json: unknown, source: string): K6Summary {
  if (typeof json !== 'object' || json === null || !('metrics' in json)) {
    throw new ConfigError(
      `${source} is not a k6 summary (no "metrics" object); pass the file the exported script's handleSummary wrote, or one from k6 run --summary-export`,
    );
  }
  const metrics = (json as { metrics: unknown }).metrics;
  const first = typeof metrics === 'object' && metrics !== null ? Object.values(metrics)[0] : undefined;
  const isHandleSummary = typeof first === 'object' && first !== null && 'values' in first;
  if (isHandleSummary) {
    const parsed = HandleSummarySchema.safeParse(json);
    if (!parsed.success) throw shapeError(source, parsed.error);
    const manifest =
      parsed.data.chaineval === undefined
        ? undefined
        : parseManifest(parsed.data.chaineval, `${source} (chaineval)`);
    const duration = parsed.data.state?.testRunDurationMs;
    return {
      shape: 'handle-summary',
      metrics: new Map(
        Object.entries(parsed.data.metrics).map(([name, m]) => [
          name,
          {
            type: m.type,
            values: m.values,
            thresholds: Object.fromEntries(Object.entries(m.thresholds ?? {}).map(([e, t]) => [e, t.ok])),
          },
        ]),
      ),
      ...(duration === undefined ? {} : { testRunDurationMs: duration }),
      ...(manifest === undefined ? {} : { manifest }),
    };
  }
  const parsed = SummaryExportSchema.safeParse(json);
  if (!parsed.success) throw shapeError(source, parsed.error);
  return {
    shape: 'summary-export',
    metrics: new Map(
      Object.entries(parsed.data.metrics).map(([name, m]) => {
        const { thresholds, ...stats } = m;
        const values: Record<string, number> = { ...(stats as Record<string, number>) };
        // A rate's share is `value` here and `rate` in handleSummary's data.
        if ('passes' in values && 'value' in values) values.rate = values.value!;
        return [
          name,
          {
            values,
            // true means the threshold failed in this format.
            thresholds: Object.fromEntries(
              Object.entries(thresholds ?? {}).map(([e, failed]) => [e, !failed]),
            ),
          },
        ];
      }),
    ),
  };
}

/** The export's manifest (embedded by the script, or the export folder's manifest.json). */
export function parseManifest(json: unknown, source: string): K6ExportManifest {
  const parsed = K6ExportManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `${source} is not a chaineval k6 export manifest (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}); pass the manifest.json "chaineval export k6" wrote`,
    );
  }
  return parsed.data;
}

function shapeError(source: string, error: z.ZodError): ConfigError {
  const issue = error.issues[0];
  return new ConfigError(
    `${source} is not a k6 summary (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}); pass the file the exported script's handleSummary wrote, or one from k6 run --summary-export`,
  );
}
