import { z } from 'zod';
import { tableDesign } from '#reports/store/tableDesign.ts';

/**
 * What became of a finalized run's seal and report files (written by finalize, read by the API).
 * A report is stored before it is sealed and published; when KMS or S3 fails, the run is not lost:
 * the report stays stored, and this says it is unsealed or without files, and why.
 */
export const PublicationSchema = z.object({
  /** The report is sealed with the stack's key (its seal is in the table). */
  sealed: z.boolean(),
  /** report.json, report.html and report.dsse.json are in the report bucket. */
  filesWritten: z.boolean(),
  /** Why not, when either is false: the error's one line. */
  reason: z.string().max(1_000).optional(),
  at: z.iso.datetime(),
});
export type Publication = z.output<typeof PublicationSchema>;

/**
 * The item's key: its own partition beside the run's (as the idempotency items), so the store's
 * reads of a run's partition meet no item type they do not know.
 */
export const publicationItemKey = (runId: string) => ({
  [tableDesign.partitionKey]: { S: `PUBLICATION#${runId}` },
  [tableDesign.sortKey]: { S: 'OUTCOME' },
});
