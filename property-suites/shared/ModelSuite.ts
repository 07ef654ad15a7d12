import type fc from 'fast-check';
import type { TxBudget } from '#core/adapter/ChainAdapter.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import type { ModelPropertyContext } from './modelParameters.ts';
import type { PropertyCommand } from './PropertyCommand.ts';
import type { PropertySystem } from './PropertySystem.ts';

/** What a suite runs against before its first command: its contract, or the verdict when it has none. */
export type SuiteSetup =
  | { readonly ready: true; readonly contract?: string }
  | { readonly ready: false; readonly outcome: CheckOutcome };

/**
 * One model-based suite as runModelProperty drives it: how many accounts it derives and what each
 * may spend, its command sequences, how to rebuild a recorded command, and its model at the start of
 * a run (read from the chain, which earlier runs moved on).
 */
export interface ModelSuite<M extends object> {
  readonly checkId: string;
  readonly catalogueId: string;
  /** What the commands do, for summaries ("contract writes and reads"). */
  readonly noun: string;
  readonly accountCount: number;
  /** What one suite account may spend over the whole property (runs and shrinks). */
  accountBudget(numRuns: number, maxCommands: number): TxBudget;
  setup?(ctx: ModelPropertyContext): Promise<SuiteSetup>;
  commands(
    maxCommands: number,
    replayPath?: string,
  ): fc.Arbitrary<Iterable<fc.AsyncCommand<M, PropertySystem>>>;
  /** The command a recorded step names; throws ConfigError for a step this suite does not have. */
  commandFromStep(step: CommandStep): PropertyCommand<M>;
  initialModel(system: PropertySystem): Promise<M>;
}
