import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import { BlockShape, QuantityShape, quantity } from '#conformance/contracts/jsonRpcShapes.ts';
import { crossNodeSyncMs } from '#conformance/ledger/crossNodeSyncMs.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import type { CheckContext } from '#core/checks/defineCheck.ts';
import { fundIdentities } from '#core/run/fundIdentities.ts';
import { modelParameters } from '../shared/modelParameters.ts';
import { modelRunOutcome } from '../shared/modelRunOutcome.ts';
import type { PropertyCapability } from '../shared/PropertySystem.ts';
import { readRpc } from '../shared/readRpc.ts';
import type { CrossEndpointModel } from './CrossEndpointModel.ts';
import type { CrossEndpointSystem } from './CrossEndpointSystem.ts';
import { crossEndpointAccountCount, crossEndpointCommandsArb, maxCrossEndpointAmount } from './commands.ts';
import { assertConsistent, catchUp, readBlock, readReceipt, readState } from './endpointOps.ts';

export const crossEndpointParameters = [...modelParameters, crossNodeSyncMs] as const;
export type CrossEndpointContext = CheckContext<PropertyCapability, typeof crossEndpointParameters>;

export const crossEndpointCheckId = 'property-cross-endpoint-history';

/** Fee reserve a sender keeps per transfer (100 gwei × 21 000 gas on EVM), as PROP-01. */
const feeReserve = 21_000n * 100_000_000_000n;

/** What one suite account may spend over the property: every command a transfer of the maximum. */
export function crossEndpointAccountBudget(numRuns: number, maxCommands: number) {
  const count = numRuns * maxCommands * 2;
  return [{ kind: 'transfer', count, value: BigInt(count) * maxCrossEndpointAmount + feeReserve }] as const;
}

/**
 * PROP-08: derives and funds three accounts through the first endpoint, then runs `propertyNumRuns`
 * random histories of at most `propertyMaxCommands` commands across every endpoint (fast-check
 * `asyncModelRun`, shrinking on failure, within `propertyTimeBudgetMs`). Each history starts from a
 * baseline read on endpoint 1, is checked after every command, and ends with final reads of every
 * account and every included transfer on every endpoint (Jepsen's final reads); the recorded history
 * alone decides (checkHistory).
 */
export async function runCrossEndpointProperty(ctx: CrossEndpointContext): Promise<CheckOutcome> {
  const { adapter, params, account, network } = ctx;
  const identities = adapter.identities.derive(
    `${account.address}/${crossEndpointCheckId}`,
    crossEndpointAccountCount,
  );
  const amount = await adapter.accounts.quote(
    crossEndpointAccountBudget(params.propertyNumRuns, params.propertyMaxCommands),
  );
  await fundIdentities(
    adapter,
    account,
    identities.map((identity) => ({ identity, amount })),
    { timeoutMs: params.receiptTimeoutMs },
  );
  const controller = new AbortController();
  const stop = () => controller.abort();
  ctx.signal.addEventListener('abort', stop, { once: true });
  const system: CrossEndpointSystem = {
    network,
    labels: network.map((a, i) => `endpoint ${i + 1} (${a.info.endpoint})`),
    identities,
    receiptTimeoutMs: params.receiptTimeoutMs,
    syncBoundMs: params.crossNodeSyncMs,
    signal: controller.signal,
    commandsExecuted: 0,
  };
  try {
    return await checkProperty(ctx, system);
  } finally {
    controller.abort();
    ctx.signal.removeEventListener('abort', stop);
  }
}

/** The model at the start of a history: the accounts' state at endpoint 1's height, its baseline. */
async function initialModel(s: CrossEndpointSystem): Promise<CrossEndpointModel> {
  const first = { adapter: s.network[0]! } as Parameters<typeof readRpc>[0];
  const label = 'baseline on endpoint 1';
  const block = await readRpc(first, 'eth_blockNumber', [], QuantityShape, label);
  const head = await readRpc(first, 'eth_getBlockByNumber', [quantity(block), false], BlockShape, label);
  const accounts = s.identities.map((i) => i.address);
  const balances: bigint[] = [];
  const nonces: bigint[] = [];
  for (const address of accounts) {
    balances.push(await readRpc(first, 'eth_getBalance', [address, quantity(block)], QuantityShape, label));
    nonces.push(
      await readRpc(first, 'eth_getTransactionCount', [address, quantity(block)], QuantityShape, label),
    );
  }
  return {
    accounts,
    balances: [...balances],
    nonces: [...nonces],
    feeReserve,
    included: [],
    superseded: [],
    history: {
      endpoints: s.labels,
      accounts,
      baseline: { endpoint: 0, block, hash: head.hash, balances, nonces },
      syncBoundMs: s.syncBoundMs,
      ops: [],
    },
  };
}

/** Jepsen's final reads: every endpoint, once caught up, reads every account and every included transfer. */
async function finalReads(m: CrossEndpointModel, s: CrossEndpointSystem): Promise<void> {
  for (let e = 0; e < s.network.length; e++) {
    const { reached } = await catchUp(m, s, e);
    if (!reached) continue;
    for (let a = 0; a < m.accounts.length; a++) await readState(m, s, e, a);
    for (const t of m.included) {
      if (t.outcome.kind !== 'included') continue;
      await readReceipt(m, s, e, t);
      await readBlock(m, s, e, t.outcome.blockNumber);
      await readBlock(m, s, e, t.outcome.blockHash);
      await readState(m, s, e, t.from, t.outcome.blockNumber);
      await readState(m, s, e, t.to, t.outcome.blockNumber);
    }
    for (const t of m.superseded) await readReceipt(m, s, e, t);
  }
  assertConsistent(m, 'the final reads on every endpoint');
}

async function checkProperty(ctx: CrossEndpointContext, system: CrossEndpointSystem): Promise<CheckOutcome> {
  const { params } = ctx;
  const seed = params.propertySeed ?? randomInt(0, 2 ** 31 - 1);
  const endpoints = system.network.length;
  let operations = 0;
  type Commands = Iterable<fc.AsyncCommand<CrossEndpointModel, CrossEndpointSystem>>;
  const property = fc.asyncProperty<[Commands]>(
    crossEndpointCommandsArb(endpoints, params.propertyMaxCommands),
    async (commands) => {
      let model: CrossEndpointModel | undefined;
      await fc.asyncModelRun(async () => {
        model = await initialModel(system);
        return { model, real: system };
      }, commands);
      if (model === undefined) throw new Error('fast-check ran no setup');
      await finalReads(model, system);
      operations += model.history.ops.length;
    },
  );
  ctx.progress(
    `PROP-08: seed ${seed}, ${params.propertyNumRuns} histories of ≤ ${params.propertyMaxCommands} commands over ${endpoints} endpoints`,
  );
  const details = await fc.check<[Commands]>(property, {
    seed,
    numRuns: params.propertyNumRuns,
    plugins: [
      fc.interruptAfterTimeLimit(params.propertyTimeBudgetMs, { failOnInterrupt: true }) as fc.Plugin<
        [Commands]
      >,
    ],
  });
  const endpointsEvidence = { endpoints: system.labels, crossNodeSyncMs: params.crossNodeSyncMs };
  return modelRunOutcome(details, {
    seed,
    numRunsAsked: params.propertyNumRuns,
    timeBudgetMs: params.propertyTimeBudgetMs,
    commandsExecuted: system.commandsExecuted,
    signal: ctx.signal,
    commandNoun: 'commands',
    runNoun: 'histories',
    passSummary: (numRuns) =>
      `${numRuns} histories (${system.commandsExecuted} commands, ${operations} recorded operations) across ${endpoints} endpoints show no lost update, double spend, divergence or non-monotonic read, seed ${seed}`,
    failPrefix: "the endpoints' history is not one network's",
    passEvidence: endpointsEvidence,
    failEvidence: endpointsEvidence,
  });
}
