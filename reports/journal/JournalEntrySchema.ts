import { z } from 'zod';
import { CheckResultSchema } from '#core/checks/CheckResultSchema.ts';
import { LoadShardResultSchema } from '#core/checks/LoadShardResultSchema.ts';
import { ReportSchema } from '#core/report/ReportSchema.ts';
import { RunMetaSchema } from '#core/run/RunMetaSchema.ts';

/** One line of a run's journal (`<out>/<runId>/journal.jsonl`): what was written to the store, in order. */
export const JournalEntrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run'), value: RunMetaSchema }),
  z.object({ type: z.literal('result'), runId: z.string(), value: CheckResultSchema }),
  z.object({ type: z.literal('shard'), runId: z.string(), value: LoadShardResultSchema }),
  z.object({ type: z.literal('report'), value: ReportSchema }),
]);
export type JournalEntry = z.infer<typeof JournalEntrySchema>;
