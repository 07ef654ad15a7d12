import { z } from 'zod';
import { TargetInfoSchema } from '../adapter/TargetInfo.ts';

export const RunStatusSchema = z.enum(['running', 'complete', 'incomplete']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

/** Run ids sort by start time: `YYYYMMDDTHHMMSSZ-<8 hex>`. */
export const RunIdSchema = z
  .string()
  .regex(/^\d{8}T\d{6}Z-[0-9a-f]{8}$/, 'run id must look like 20261124T101500Z-1a2b3c4d');

/** What is known about a run before any result: stored first, so a crash still leaves a record. */
export const RunMetaSchema = z.object({
  runId: RunIdSchema,
  status: RunStatusSchema,
  incompleteReason: z.string().optional(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
  harnessVersion: z.string(),
  profile: z.object({ id: z.string(), version: z.string() }),
  target: TargetInfoSchema,
  /** Effective parameters (defaults filled in). */
  parameters: z.record(z.string(), z.unknown()),
  /** Steps the run plans to execute, so a report can say which never finished. */
  plannedSteps: z.array(z.string()),
});
export type RunMeta = z.infer<typeof RunMetaSchema>;
