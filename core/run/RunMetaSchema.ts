import { z } from 'zod';
import { TargetInfoSchema } from '../adapter/TargetInfo.ts';
import { RunPlanSchema } from './RunPlanSchema.ts';

export const RunStatusSchema = z.enum(['running', 'complete', 'incomplete']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

/**
 * What is known about a run before any result: stored first (by prepareRun), so a crash still leaves
 * a record, and every step of either runtime reads its plan from here.
 */
export const RunMetaSchema = z.object({
  runId: RunPlanSchema.shape.runId,
  status: RunStatusSchema,
  incompleteReason: z.string().optional(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
  harnessVersion: z.string(),
  /**
   * The process running it, where one process runs it all (the CLI): a later start on the same host
   * finds a `running` run whose process is gone and finalizes it as abandoned.
   */
  owner: z.object({ host: z.string(), pid: z.number().int().positive() }).optional(),
  target: TargetInfoSchema,
  plan: RunPlanSchema,
});
export type RunMeta = z.infer<typeof RunMetaSchema>;
