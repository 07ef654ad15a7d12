import type fc from 'fast-check';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import type { PropertyRun } from '#core/checks/PropertyRunSchema.ts';
import { ModelMismatchError } from '../transfers/ModelMismatchError.ts';
import { replayMetadata } from './replayMetadata.ts';

export interface ModelRunOutcomeOptions {
  readonly seed: number;
  /** propertyNumRuns: the runs asked for. */
  readonly numRunsAsked: number;
  readonly timeBudgetMs: number;
  /** Commands run across all runs and shrinks (the suite's system counts them). */
  readonly commandsExecuted: number;
  /** The check's signal: aborted means the run was interrupted or its budget spent. */
  readonly signal: AbortSignal;
  /** What a command is called in the summaries: "commands", "transfers". */
  readonly commandNoun: string;
  /** What a run is called: "runs" (of command sequences) or "histories". */
  readonly runNoun: 'runs' | 'histories';
  /** The pass summary, told the runs fast-check made. */
  readonly passSummary: (numRuns: number) => string;
  /** What the failure summary says before the mismatch: "the chain disagreed with the transfer model". */
  readonly failPrefix: string;
  /** Evidence on a pass (node-dependent cases met, endpoints). */
  readonly passEvidence?: Record<string, unknown> | undefined;
  /** Evidence on a failure besides the replay data. */
  readonly failEvidence?: Record<string, unknown> | undefined;
}

/**
 * The verdict of a fast-check model-based property (PROP-01, the ModelSuites, PROP-08) from its run
 * details: interrupted → inconclusive; no failure → pass; a failure fast-check could not pin on a
 * sequence (time budget, nothing generated) → inconclusive; a model mismatch → fail with the shrunk
 * commands, seed, path and replayPath as data. Anything else that failed the property (a transport
 * fault, a harness bug) is not a counterexample: it is rethrown, and runCheck records it as
 * inconclusive.
 */
export function modelRunOutcome<M extends object, R>(
  details: fc.RunDetails<[Iterable<fc.AsyncCommand<M, R>>]>,
  options: ModelRunOutcomeOptions,
): CheckOutcome {
  const { seed, timeBudgetMs } = options;
  const run: PropertyRun = {
    seed,
    numRuns: Math.max(1, details.numRuns),
    commandsExecuted: options.commandsExecuted,
  };
  if (options.signal.aborted) {
    const reason = options.signal.reason;
    return {
      status: 'error',
      summary: `stopped before a verdict (${String(reason instanceof Error ? reason.message : reason)}) after ${options.commandsExecuted} ${options.commandNoun}`,
      property: run,
    };
  }
  if (!details.failed) {
    return {
      status: 'pass',
      summary: options.passSummary(details.numRuns),
      ...(options.passEvidence === undefined ? {} : { evidence: options.passEvidence }),
      property: run,
    };
  }
  const counterexample = details.counterexample;
  if (counterexample === null) {
    return {
      status: 'error',
      summary: details.interrupted
        ? `time budget of ${timeBudgetMs} ms ran out after ${details.numRuns} of ${options.numRunsAsked} ${options.runNoun} without a verdict`
        : `fast-check could not generate runnable ${options.runNoun === 'runs' ? 'command sequences' : options.runNoun} (${details.numSkips} skipped)`,
      ...(details.numRuns > 0 ? { property: run } : {}),
    };
  }
  const error = details.errorInstance;
  if (!(error instanceof ModelMismatchError)) throw error;
  const [commands] = counterexample;
  const ran = replayMetadata(commands);
  const replayPath = ran.replayPath === undefined ? {} : { replayPath: ran.replayPath };
  return {
    status: 'fail',
    summary: `${options.failPrefix}: ${error.shortMessage}`,
    expected: error.expected,
    actual: error.actual,
    evidence: {
      ...options.failEvidence,
      replay: { seed, path: details.counterexamplePath, ...replayPath },
      ...(details.interrupted
        ? { note: `shrinking stopped at the ${timeBudgetMs} ms budget; the sequence may not be minimal` }
        : {}),
    },
    property: {
      ...run,
      ...(details.counterexamplePath === null ? {} : { path: details.counterexamplePath }),
      ...replayPath,
      counterexample: ran.commands.map(String),
      commands: ran.commands.map((c) => c.step()),
      failingStep: Math.max(0, ran.commands.length - 1),
      shrinks: details.numShrinks,
      failure: error.shortMessage,
    },
  };
}
