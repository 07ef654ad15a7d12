import { z } from 'zod';
import type { TxBudget } from '../adapter/ChainAdapter.ts';
import { AttestationSchema } from './AttestationSchema.ts';
import { RunIdSchema } from './RunIdSchema.ts';

/** A budget item as JSON (amounts as decimal strings: the plan is stored and passed between Lambdas). */
export const BudgetItemSchema = z.object({
  kind: z.enum(['transfer', 'call', 'deploy']),
  count: z.number().int().nonnegative(),
  value: z.string().regex(/^\d+$/).default('0'),
});

/**
 * Identities a role of the run sends from: derived from `seed` (the run id + role, so every run and
 * every step has fresh ones) and funded once while the run is prepared, each with `budget`.
 */
export const AccountPlanSchema = z.object({
  role: z.string(),
  seed: z.string(),
  count: z.number().int().positive(),
  budget: z.array(BudgetItemSchema),
});
export type AccountPlan = z.infer<typeof AccountPlanSchema>;

/**
 * The steps that run checks: conformance and property, then `disruptive` last (after the load): the
 * checks that may stop the node (defineCheck `disruptive`), so a node they stop costs no other verdict.
 */
export const ChecksStepIdSchema = z.enum(['conformance', 'property', 'disruptive']);
export type ChecksStepId = z.infer<typeof ChecksStepIdSchema>;

export const ChecksStepSchema = z.object({
  kind: z.literal('checks'),
  id: ChecksStepIdSchema,
  checkIds: z.array(z.string()).min(1),
  /** Role of the step's own account in `accounts`; absent when no check of the step signs. */
  accountRole: z.string().optional(),
});
export type ChecksStep = z.infer<typeof ChecksStepSchema>;

export const LoadScenarioPlanSchema = z.object({
  name: z.string(),
  checkIds: z.array(z.string()).min(1),
  shardCount: z.number().int().positive(),
  /**
   * From the moment the load step begins to the one start time of every shard: time to connect and
   * pre-sign. A shard that is not ready by then sends late, which its send-lag histogram shows.
   */
  startDelayMs: z.number().int().nonnegative(),
  /** Role of each shard's senders in `accounts`, by shard index. */
  senderRoles: z.array(z.string()),
});
export type LoadScenarioPlan = z.infer<typeof LoadScenarioPlanSchema>;

export const LoadStepSchema = z.object({
  kind: z.literal('load'),
  id: z.literal('load'),
  /** Run one after another, so one scenario's load never skews another's measurement. */
  scenarios: z.array(LoadScenarioPlanSchema).min(1),
});
export type LoadStep = z.infer<typeof LoadStepSchema>;

export const PlanStepSchema = z.discriminatedUnion('kind', [ChecksStepSchema, LoadStepSchema]);
export type PlanStep = z.infer<typeof PlanStepSchema>;

/**
 * The ordered steps of one run, as both runtimes execute them: the CLI in one process, the cloud as
 * one Lambda per step (load shards as a Map). Steps do not share accounts, so they may run at once,
 * except `disruptive`, which runs after all the others have ended.
 */
export const RunPlanSchema = z.object({
  runId: RunIdSchema,
  profile: z.object({ id: z.string(), version: z.string(), digest: z.string() }),
  /** Effective parameter values (profile defaults + overrides). */
  parameters: z.record(z.string(), z.unknown()),
  /** Parameters whose value differs from the profile's default. */
  overridden: z.array(z.string()),
  steps: z.array(PlanStepSchema),
  /** Check ids left out by the operator (`skip`), reported as skipped, never as passed. */
  excluded: z.array(z.object({ checkId: z.string(), kind: z.string(), reason: z.string() })),
  accounts: z.array(AccountPlanSchema),
  /** Documents attached for the profile's evidence items; shown as attested, never as verified. */
  attestations: z.array(AttestationSchema).default([]),
});
export type RunPlan = z.infer<typeof RunPlanSchema>;

/** The plan's JSON budget as the adapter port's TxBudget. */
export function toTxBudget(items: readonly z.infer<typeof BudgetItemSchema>[]): TxBudget {
  return items.map((i) => ({ kind: i.kind, count: i.count, value: BigInt(i.value) }));
}

/** A TxBudget as the plan stores it. */
export function fromTxBudget(budget: TxBudget): z.infer<typeof BudgetItemSchema>[] {
  return budget.map((i) => ({ kind: i.kind, count: i.count, value: (i.value ?? 0n).toString() }));
}
