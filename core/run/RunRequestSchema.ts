import { z } from 'zod';
import { AttestationSchema } from './AttestationSchema.ts';
import { RunIdSchema } from './RunIdSchema.ts';

/** Suites an operator may leave out of a run; conformance always runs. */
export const SkippableKindSchema = z.enum(['property', 'load']);
export type SkippableKind = z.infer<typeof SkippableKindSchema>;

/** Bounded so a typo cannot start thousands of Lambdas and the shard list stays small in payloads. */
export const maxShardCount = 1_000;

/**
 * What a run is asked to do, in either runtime (DESIGN.md "One run plan"): the CLI builds it from
 * flags, the Plan Lambda receives it inside the execution input, and both hand it to `planRun`.
 * Which target to evaluate and how to reach its key (a file, a Secrets Manager name) is the
 * runtime's business: the plan is the same whatever the endpoint.
 */
export const RunRequestSchema = z.strictObject({
  runId: RunIdSchema,
  /** @default 'jrt-0193-2020' */
  profile: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'profile ids look like jrt-0193-2020')
    .default('jrt-0193-2020'),
  /** Overrides of the profile's parameter defaults; checked against the checks that read them. */
  parameters: z.record(z.string(), z.unknown()).default({}),
  skip: z.array(SkippableKindSchema).default([]),
  /** Load shards per scenario (worker groups locally, Lambdas in the cloud). @default 1 */
  loadShards: z.number().int().min(1).max(maxShardCount).default(1),
  /** Documents attached for the profile's evidence items (`--evidence <file>`). @default [] */
  attestations: z.array(AttestationSchema).default([]),
});
export type RunRequest = z.output<typeof RunRequestSchema>;
export type RunRequestInput = z.input<typeof RunRequestSchema>;
