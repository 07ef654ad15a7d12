import { z } from 'zod';
import { RunIdSchema } from './RunIdSchema.ts';
import { RunStatusSchema } from './RunMetaSchema.ts';

/** One run as `chaineval reports list` shows it, finished or not. */
export const RunListingSchema = z.object({
  runId: RunIdSchema,
  startedAt: z.iso.datetime(),
  status: RunStatusSchema,
  endpoint: z.string(),
  chainId: z.string(),
  clientVersion: z.string(),
  profile: z.string(),
});
export type RunListing = z.infer<typeof RunListingSchema>;
