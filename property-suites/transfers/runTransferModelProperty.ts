import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import type { TxBudget } from '#core/adapter/ChainAdapter.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import type { CheckContext } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { fundIdentities } from '#core/run/fundIdentities.ts';
import { propertyMaxCommands } from '../propertyMaxCommands.ts';
import { propertyNumRuns } from '../propertyNumRuns.ts';
import { propertySeed } from '../propertySeed.ts';
import { propertyTimeBudgetMs } from '../propertyTimeBudgetMs.ts';
import { modelRunOutcome } from '../shared/modelRunOutcome.ts';
import { maxTransferAmount, transferAccountCount } from './arbitraries.ts';
import { type TransferCommands, transferCommandsArb } from './commands.ts';
import { readTransferModel } from './readTransferModel.ts';
import type { TransferSystem } from './TransferSystem.ts';

export const transferModelParameters = [
  receiptTimeoutMs,
  propertyNumRuns,
  propertyMaxCommands,
  propertySeed,
  propertyTimeBudgetMs,
] as const;

export const transferModelRequires = [
  'tx.clientSign',
  'tx.receipts',
  'block.read',
  'account.balance',
  'account.nonce',
  'account.fund',
] as const;

export type TransferModelContext = CheckContext<
  (typeof transferModelRequires)[number],
  typeof transferModelParameters
>;

/** Replays one recorded failure: fast-check `seed` + `path`, and the commands' `replayPath` hint. */
export interface TransferModelReplay {
  readonly seed: number;
  readonly path: string;
  readonly replayPath?: string;
}

/** Fee reserve a sender keeps (100 gwei × 21 000 gas on EVM): no test chain's transfer costs more. */
const feeReserve = 21_000n * 100_000_000_000n;

/**
 * What one suite account may spend: every command of every run, twice over for shrinking, at the
 * largest amount. Priced by the adapter (accounts.quote) when the account is funded.
 */
export function transferAccountBudget(numRuns: number, maxCommands: number): TxBudget {
  const count = numRuns * maxCommands * 2;
  return [{ kind: 'transfer', count, value: BigInt(count) * maxTransferAmount + feeReserve }];
}

/**
 * PROP-01: random sequences of transfers between three accounts funded from the step's account,
 * each checked against a model of balances and nonces (fast-check model-based testing with
 * `asyncModelRun`). On failure the shrunk sequence, seed and path are recorded so anyone can replay it.
 */
export async function runTransferModelProperty(
  ctx: TransferModelContext,
  options: { readonly replay?: TransferModelReplay } = {},
): Promise<CheckOutcome> {
  const { adapter, params, account } = ctx;
  // Fresh per run: the seed names the step's own account, which is derived from the run id.
  const identities = adapter.identities.derive(
    `${account.address}/property-transfer-model`,
    transferAccountCount,
  );
  const amount = await adapter.accounts.quote(
    transferAccountBudget(params.propertyNumRuns, params.propertyMaxCommands),
  );
  await fundIdentities(
    adapter,
    account,
    identities.map((identity) => ({ identity, amount })),
    { timeoutMs: params.receiptTimeoutMs },
  );

  const seed = options.replay?.seed ?? params.propertySeed ?? randomInt(0, 2 ** 31 - 1);
  const controller = new AbortController();
  // An interrupted run or a spent check budget stops the next command (fast-check then winds down).
  const stop = () => controller.abort();
  ctx.signal.addEventListener('abort', stop, { once: true });
  const system: TransferSystem = {
    transactions: adapter.transactions,
    accounts: adapter.accounts,
    ledger: adapter.ledger,
    identities,
    receiptTimeoutMs: params.receiptTimeoutMs,
    signal: controller.signal,
    commandsExecuted: 0,
  };
  const property = fc.asyncProperty<[TransferCommands]>(
    transferCommandsArb(params.propertyMaxCommands, options.replay?.replayPath),
    async (commands) => {
      await fc.asyncModelRun(
        async () => ({ model: await readTransferModel(system, feeReserve), real: system }),
        commands,
      );
    },
  );
  const timeBudgetMs = params.propertyTimeBudgetMs;
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
  ctx.signal.removeEventListener('abort', stop);

  return modelRunOutcome(details, {
    seed,
    numRunsAsked: params.propertyNumRuns,
    timeBudgetMs,
    commandsExecuted: system.commandsExecuted,
    signal: ctx.signal,
    commandNoun: 'transfers',
    runNoun: 'runs',
    passSummary: (numRuns) =>
      `balances and nonces matched the model through ${numRuns} runs (${system.commandsExecuted} transfers), seed ${seed}`,
    failPrefix: 'the chain disagreed with the transfer model',
    failEvidence: { shrinks: details.numShrinks },
  });
}
