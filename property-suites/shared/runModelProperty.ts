import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import type { CommandStep, PropertyRun } from '#core/checks/PropertyRunSchema.ts';
import { fundIdentities } from '#core/run/fundIdentities.ts';
import { ModelMismatchError } from '../transfers/ModelMismatchError.ts';
import type { ModelSuite } from './ModelSuite.ts';
import type { ModelPropertyContext } from './modelParameters.ts';
import { modelRunOutcome } from './modelRunOutcome.ts';
import type { PropertySystem } from './PropertySystem.ts';

/** A recorded counterexample to run again exactly, command by command (`chaineval replay`). */
export interface ModelReplay {
  readonly commands: readonly CommandStep[];
  /** The seed the counterexample was found with, kept in the replayed result for reference. */
  readonly seed?: number;
}

/**
 * Runs a model-based suite as a check: derives and funds the suite's accounts from the step account,
 * runs `propertyNumRuns` random histories of at most `propertyMaxCommands` commands with fast-check
 * (`asyncModelRun`, shrinking on failure) within `propertyTimeBudgetMs`, and returns the verdict with
 * the seed, path, replayPath and the shrunk sequence as data. With `replay`, runs exactly the recorded
 * sequence once instead.
 */
export async function runModelProperty<M extends object>(
  ctx: ModelPropertyContext,
  suite: ModelSuite<M>,
  options: { readonly replay?: ModelReplay } = {},
): Promise<CheckOutcome> {
  const { adapter, params, account } = ctx;
  const prepared = suite.setup ? await suite.setup(ctx) : ({ ready: true } as const);
  if (!prepared.ready) return prepared.outcome;
  // Fresh per run: the seed names the step's own account, which is derived from the run id.
  const identities = adapter.identities.derive(`${account.address}/${suite.checkId}`, suite.accountCount);
  const amount = await adapter.accounts.quote(
    suite.accountBudget(params.propertyNumRuns, params.propertyMaxCommands),
  );
  await fundIdentities(
    adapter,
    account,
    identities.map((identity) => ({ identity, amount })),
    { timeoutMs: params.receiptTimeoutMs },
  );

  const controller = new AbortController();
  // An interrupted run or a spent check budget stops the next command (fast-check then winds down).
  const stop = () => controller.abort();
  ctx.signal.addEventListener('abort', stop, { once: true });
  const system: PropertySystem = {
    adapter,
    identities,
    ...(prepared.contract === undefined ? {} : { contract: prepared.contract }),
    receiptTimeoutMs: params.receiptTimeoutMs,
    signal: controller.signal,
    commandsExecuted: 0,
    events: new Map(),
  };
  try {
    if (options.replay) return await replayCommands(ctx, suite, system, options.replay);
    return await checkProperty(ctx, suite, system);
  } finally {
    controller.abort();
    ctx.signal.removeEventListener('abort', stop);
  }
}

async function checkProperty<M extends object>(
  ctx: ModelPropertyContext,
  suite: ModelSuite<M>,
  system: PropertySystem,
): Promise<CheckOutcome> {
  const { params } = ctx;
  const seed = params.propertySeed ?? randomInt(0, 2 ** 31 - 1);
  type Commands = Iterable<fc.AsyncCommand<M, PropertySystem>>;
  const property = fc.asyncProperty<[Commands]>(
    suite.commands(params.propertyMaxCommands),
    async (commands) => {
      await fc.asyncModelRun(
        async () => ({ model: await suite.initialModel(system), real: system }),
        commands,
      );
    },
  );
  const timeBudgetMs = params.propertyTimeBudgetMs;
  ctx.progress(
    `${suite.catalogueId}: seed ${seed}, ${params.propertyNumRuns} runs of ≤ ${params.propertyMaxCommands} commands`,
  );
  const details = await fc.check<[Commands]>(property, {
    seed,
    numRuns: params.propertyNumRuns,
    // fast-check 4.10 types the plugin Plugin<unknown>, not assignable to Plugin<Ts>, hence the cast.
    plugins: [fc.interruptAfterTimeLimit(timeBudgetMs, { failOnInterrupt: true }) as fc.Plugin<[Commands]>],
  });

  const events = eventsMet(system);
  return modelRunOutcome(details, {
    seed,
    numRunsAsked: params.propertyNumRuns,
    timeBudgetMs,
    commandsExecuted: system.commandsExecuted,
    signal: ctx.signal,
    commandNoun: 'commands',
    runNoun: 'runs',
    passSummary: (numRuns) =>
      `${suite.noun} matched the model through ${numRuns} runs (${system.commandsExecuted} commands), seed ${seed}${
        events === undefined
          ? ''
          : `; ${Object.entries(events)
              .map(([event, n]) => `${event} ×${n}`)
              .join(', ')}`
      }`,
    failPrefix: `the chain disagreed with the ${suite.noun} model`,
    passEvidence: events === undefined ? undefined : { events },
  });
}

/** The node-dependent cases the commands met (PropertySystem.events), if any. */
function eventsMet(system: PropertySystem): Record<string, number> | undefined {
  return system.events === undefined || system.events.size === 0
    ? undefined
    : Object.fromEntries(system.events);
}

/**
 * Runs a recorded sequence once, as asyncModelRun would (a command whose `check` is false on the
 * model is passed over), and reports the command that failed.
 */
async function replayCommands<M extends object>(
  ctx: ModelPropertyContext,
  suite: ModelSuite<M>,
  system: PropertySystem,
  replay: ModelReplay,
): Promise<CheckOutcome> {
  const commands = replay.commands.map((step) => suite.commandFromStep(step));
  const model = await suite.initialModel(system);
  const run: PropertyRun = { seed: replay.seed ?? 0, numRuns: 1, commandsExecuted: 0 };
  const evidence = { replayOf: replay.commands };
  for (const [index, command] of commands.entries()) {
    if (!command.check(model)) {
      ctx.progress(
        `step ${index + 1}/${commands.length} ${command}: not applicable to the model, passed over`,
      );
      continue;
    }
    ctx.progress(`step ${index + 1}/${commands.length} ${command}`);
    try {
      await command.run(model, system);
    } catch (error) {
      if (!(error instanceof ModelMismatchError)) throw error;
      return {
        status: 'fail',
        summary: `replay: step ${index + 1} ${command} failed: ${error.shortMessage}`,
        expected: error.expected,
        actual: error.actual,
        evidence,
        property: {
          ...run,
          commandsExecuted: system.commandsExecuted,
          counterexample: commands.map(String),
          commands: [...replay.commands],
          failingStep: index,
          failure: error.shortMessage,
        },
      };
    }
  }
  const events = eventsMet(system);
  return {
    status: 'pass',
    summary: `replay: all ${commands.length} recorded commands matched the ${suite.noun} model`,
    evidence: events === undefined ? evidence : { ...evidence, events },
    property: {
      ...run,
      commandsExecuted: system.commandsExecuted,
      counterexample: commands.map(String),
      commands: [...replay.commands],
    },
  };
}
