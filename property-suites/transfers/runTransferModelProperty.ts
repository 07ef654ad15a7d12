import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import type { CheckContext, CheckOutcome } from '#core/checks/CheckDefinition.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { fundAccounts } from '#load/fundAccounts.ts';
import { transferAccountCount } from './arbitraries.ts';
import { type TransferCommands, transferCommandsArb } from './commands.ts';
import { ModelMismatchError } from './ModelMismatchError.ts';
import { readTransferModel } from './readTransferModel.ts';
import type { TransferSystem } from './TransferSystem.ts';

/** Replays one recorded failure: fast-check `seed` + `path`, and the commands' `replayPath` hint. */
export interface TransferModelReplay {
  readonly seed: number;
  readonly path: string;
  readonly replayPath?: string;
}

export interface TransferModelOptions {
  /**
   * Wall-clock budget for all runs and shrinking: every command is a chain round trip, so shrinking
   * a long sequence can take minutes. When it runs out before a failure the verdict is `error`
   * (not enough runs to decide); during shrinking, the smallest failure found so far is reported.
   * @default 120_000
   */
  readonly timeBudgetMs?: number;
  readonly replay?: TransferModelReplay;
}

/** Accounts are derived from the operator key and this seed, so reruns reuse (and top up) them. */
export const transferAccountSeed = 'property-transfer-model';
/** 100 gwei × 21 000 gas: a fee no test chain should exceed for a plain transfer. */
const feeReserveWei = 21_000n * 100_000_000_000n;
/** 0.1 ether each: thousands of transfers at test-chain fees; topped up when below half. */
const fundingTargetWei = 10n ** 17n;

/**
 * PROP-01: random sequences of transfers between three funded accounts, each checked against a model
 * of balances and nonces (fast-check model-based testing with `asyncModelRun`). On failure the
 * shrunk sequence, seed and path are recorded so anyone can replay it.
 */
export async function runTransferModelProperty(
  ctx: CheckContext,
  options: TransferModelOptions = {},
): Promise<CheckOutcome> {
  const transactions = ctx.adapter.transactions;
  if (!transactions) {
    throw new ConfigError('property-transfer-model needs adapter.transactions (capability tx.clientSign)');
  }
  const { params } = ctx;
  const accounts = transactions.deriveAccounts(transferAccountCount, transferAccountSeed);
  await fundAccounts(
    transactions,
    accounts.map((account) => ({ account, minWei: fundingTargetWei / 2n, targetWei: fundingTargetWei })),
    { receiptTimeoutMs: params.receiptTimeoutMs },
  );

  const seed = options.replay?.seed ?? params.propertySeed ?? randomInt(0, 2 ** 31 - 1);
  const controller = new AbortController();
  const system: TransferSystem = {
    transactions,
    ledger: ctx.adapter.ledger,
    accounts,
    receiptTimeoutMs: params.receiptTimeoutMs,
    signal: controller.signal,
    commandsExecuted: 0,
  };
  const property = fc.asyncProperty<[TransferCommands]>(
    transferCommandsArb(params.propertyMaxCommands, options.replay?.replayPath),
    async (commands) => {
      await fc.asyncModelRun(
        async () => ({ model: await readTransferModel(system, feeReserveWei), real: system }),
        commands,
      );
    },
  );
  const timeBudgetMs = options.timeBudgetMs ?? 120_000;
  ctx.progress(
    `PROP-01: seed ${seed}, ${params.propertyNumRuns} runs of ≤ ${params.propertyMaxCommands} transfers`,
  );
  const details = await fc.check<[TransferCommands]>(property, {
    seed,
    numRuns: params.propertyNumRuns,
    ...(options.replay ? { path: options.replay.path, endOnFailure: true } : {}),
    // The plugin never looks at values; fast-check 4.10 types it Plugin<unknown>, which is not
    // assignable to Plugin<Ts> (its generator hook is invariant), hence the cast.
    plugins: [
      fc.interruptAfterTimeLimit(timeBudgetMs, { failOnInterrupt: true }) as fc.Plugin<[TransferCommands]>,
    ],
  });
  controller.abort();

  const run = { seed, numRuns: Math.max(1, details.numRuns), commandsExecuted: system.commandsExecuted };
  if (!details.failed) {
    return {
      status: 'pass',
      summary: `balances and nonces matched the model through ${details.numRuns} runs (${system.commandsExecuted} transfers), seed ${seed}`,
      property: run,
    };
  }
  const counterexample = details.counterexample;
  if (counterexample === null) {
    return {
      status: 'error',
      summary: details.interrupted
        ? `time budget of ${timeBudgetMs} ms ran out after ${details.numRuns} of ${params.propertyNumRuns} runs without a verdict`
        : `fast-check could not generate runnable command sequences (${details.numSkips} skipped)`,
      ...(details.numRuns > 0 ? { property: run } : {}),
    };
  }
  const error = details.errorInstance;
  // Transport faults and harness bugs are not counterexamples: runCheck records them as inconclusive.
  if (!(error instanceof ModelMismatchError)) throw error;
  const [commands] = counterexample;
  const ran = [...commands].filter((c) => !('hasRan' in c) || c.hasRan === true).map(String);
  const replayPath = /replayPath="([^"]*)"/.exec(String(commands))?.[1];
  return {
    status: 'fail',
    summary: `the chain disagreed with the transfer model: ${error.shortMessage}`,
    expected: error.expected,
    actual: error.actual,
    evidence: {
      replay: { seed, path: details.counterexamplePath, ...(replayPath === undefined ? {} : { replayPath }) },
      shrinks: details.numShrinks,
      ...(details.interrupted
        ? { note: `shrinking stopped at the ${timeBudgetMs} ms budget; the sequence may not be minimal` }
        : {}),
    },
    property: {
      ...run,
      path: details.counterexamplePath,
      counterexample: ran,
      failure: error.shortMessage,
    },
  };
}
