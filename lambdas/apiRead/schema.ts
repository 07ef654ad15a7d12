import { z } from 'zod';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import type { RunStatus } from '#core/run/RunMetaSchema.ts';

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

/** `GET /evaluations/{id}`: where a run is. */
export interface EvaluationStatus {
  readonly runId: string;
  readonly status: RunStatus;
  readonly profile: string;
  readonly endpoint: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly incompleteReason?: string;
  /** Checks with a stored verdict, of those the plan names (load checks are decided when finalized). */
  readonly progress: { readonly checksDone: number; readonly checksPlanned: number };
  /** `GET /reports/{id}` once the run is finalized. */
  readonly reportPath?: string;
}
