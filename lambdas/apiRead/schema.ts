import { z } from 'zod';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { RunStatusSchema } from '#core/run/RunMetaSchema.ts';
import { PublicationSchema } from '../shared/PublicationSchema.ts';

/** `{id}` of `/evaluations/{id}` and `/reports/{id}`: a run id (a report's id is its run's). */
export const RunIdPathSchema = z.object({ id: RunIdSchema });

/** Most reports one `GET /reports` answers. */
export const maxReportsPerPage = 100;

/**
 * `GET /reports` query: newest first; `target` keeps reports of one endpoint (as the report names
 * it, credentials removed), `since` those created at or after an instant. Filters apply within the
 * newest `limit` reports (a bounded page of the store's listing, never a table scan).
 */
export const ListReportsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(maxReportsPerPage).default(20),
  target: z.string().min(1).max(2_048).optional(),
  since: z.iso.datetime().optional(),
});

/** Longest a presigned link to a report file stays valid: 15 minutes, a link to open now, not to share. */
export const reportFileLinkTtlS = 900;

/**
 * One of a finished run's files in the report bucket (`reports/<runId>/…`, written by finalize):
 * where it is, and a presigned GET link that works without AWS credentials until `urlExpiresAt`.
 * Listed only when the object exists: a run finalized by the CLI, or one whose files could not be
 * written, has none.
 */
export const ReportFileSchema = z.object({
  name: z.enum(['report.json', 'report.html', 'report.dsse.json']),
  bucket: z.string().min(3),
  key: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  urlExpiresAt: z.iso.datetime(),
});
export type ReportFile = z.output<typeof ReportFileSchema>;

/**
 * `GET /evaluations/{id}`: where a run is. A schema rather than an interface because the CLI's
 * `evaluate --remote` reads it back with it (the same zod schemas on both sides of the API).
 */
export const EvaluationStatusSchema = z.object({
  runId: RunIdSchema,
  status: RunStatusSchema,
  profile: z.string(),
  endpoint: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  incompleteReason: z.string().optional(),
  /** Checks with a stored verdict, of those the plan names (load checks are decided when finalized). */
  progress: z.object({
    checksDone: z.number().int().nonnegative(),
    checksPlanned: z.number().int().nonnegative(),
  }),
  /** `GET /reports/{id}` once the run is finalized. */
  reportPath: z.string().optional(),
  /** The report's files in the report bucket, once finalize wrote them. */
  reportFiles: z.array(ReportFileSchema).optional(),
  /** Whether finalize sealed the report and wrote its files, and why not (absent before finalize, or for a CLI run). */
  publication: PublicationSchema.optional(),
});
export type EvaluationStatus = z.output<typeof EvaluationStatusSchema>;
