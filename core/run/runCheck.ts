import type { Capability } from '../adapter/Capability.ts';
import { capabilityParts } from '../adapter/Capability.ts';
import type { ChainAdapter, Identity } from '../adapter/ChainAdapter.ts';
import type { CheckResult } from '../checks/CheckResultSchema.ts';
import type { AnyCheck } from '../checks/defineCheck.ts';
import type { AnyFixture } from '../checks/defineFixture.ts';
import { TargetError } from '../errors/TargetError.ts';
import { jsonSafe } from './jsonSafe.ts';
import { createRpcTranscript } from './rpcTranscript.ts';

/** The step's fixtures: each created once, on first use, and shared by every later check. */
export interface FixtureCache {
  get(fixture: AnyFixture, create: () => Promise<unknown>): Promise<unknown>;
}

export function createFixtureCache(): FixtureCache {
  const values = new Map<string, Promise<unknown>>();
  return {
    get(fixture, create) {
      let value = values.get(fixture.id);
      if (value === undefined) {
        value = create();
        values.set(fixture.id, value);
      }
      return value;
    },
  };
}

/** What the step runner hands every check of a step. */
export interface CheckRunContext {
  readonly adapter: ChainAdapter;
  /** Every endpoint of the network, `adapter` first. @default [adapter] */
  readonly network?: readonly ChainAdapter[];
  /** Effective values of every parameter of the run (a check reads those it declares). */
  readonly params: Readonly<Record<string, unknown>>;
  /** The profile's stated requirement per parameter, where it has one. */
  readonly requirements: Readonly<Record<string, unknown>>;
  readonly account: Identity | undefined;
  readonly fixtures: FixtureCache;
  readonly progress: (line: string) => void;
  readonly signal: AbortSignal;
}

/**
 * The typed context a check's `run` receives in a step: the adapter, the run's parameters, the
 * profile's requirements, the step account, and the step's fixtures (only those the check lists).
 * Callers verify capabilities and parts first (runCheck does); the erased AnyCheck cannot express
 * that, hence the casts.
 */
export function checkContextOf(check: AnyCheck, ctx: CheckRunContext): Parameters<AnyCheck['run']>[0] {
  return {
    adapter: ctx.adapter,
    network: ctx.network ?? [ctx.adapter],
    params: ctx.params,
    requirements: ctx.requirements,
    account: ctx.account,
    progress: ctx.progress,
    signal: ctx.signal,
    fixture: (fixture: AnyFixture) => {
      if (!check.fixtures.includes(fixture)) {
        throw new Error(`check ${check.id} uses fixture "${fixture.id}" without listing it in its fixtures`);
      }
      // The registry test holds a check's `requires` to cover its fixtures' (registry.test.ts).
      const fixtureContext = {
        adapter: ctx.adapter,
        params: ctx.params,
        account: ctx.account,
        progress: ctx.progress,
      } as unknown as Parameters<AnyFixture['create']>[0];
      return ctx.fixtures.get(fixture, () => fixture.create(fixtureContext));
    },
  } as unknown as Parameters<AnyCheck['run']>[0];
}

/** Parts of the adapter the check's capabilities guarantee but the adapter lacks (an adapter bug). */
function missingPartsFor(check: AnyCheck, adapter: ChainAdapter): string[] {
  const parts = new Set(check.requires.flatMap((c: Capability) => [...capabilityParts[c]] as string[]));
  return [...parts].filter((p) => (adapter as unknown as Record<string, unknown>)[p] === undefined);
}

/**
 * Runs one check: skips it when the adapter lacks a capability it requires, times it, and turns a
 * transport fault into an `error` verdict (inconclusive) rather than a crash. A misbehaving chain
 * never reaches here as an exception: checks return `fail` with expected, actual and evidence.
 */
export async function runCheck(
  check: AnyCheck,
  ctx: CheckRunContext,
  now: () => Date = () => new Date(),
): Promise<CheckResult> {
  const started = now();
  const base = { checkId: check.id, kind: check.kind, startedAt: started.toISOString() };
  const elapsed = () => now().getTime() - started.getTime();
  const network = ctx.network ?? [ctx.adapter];
  if (network.length < check.minEndpoints) {
    return {
      ...base,
      status: 'skip',
      skipReason: 'precondition',
      summary: `needs ${check.minEndpoints} endpoints of one network and the run has ${network.length}; pass --target once per node to compare nodes`,
      durationMs: 0,
    };
  }
  const missing = [
    ...new Set(network.flatMap((adapter) => check.requires.filter((c) => !adapter.capabilities.has(c)))),
  ];
  if (missing.length > 0) {
    return {
      ...base,
      status: 'skip',
      skipReason: 'unsupported-capability',
      summary: `adapter "${ctx.adapter.info.family}" lacks ${missing.join(', ')}`,
      durationMs: 0,
    };
  }
  const harnessFault = (summary: string): CheckResult => ({
    ...base,
    status: 'error',
    summary: `harness fault: ${summary}`,
    durationMs: elapsed(),
  });
  const absentParts = missingPartsFor(check, ctx.adapter);
  if (absentParts.length > 0) {
    return harnessFault(
      `adapter "${ctx.adapter.info.family}" declares capabilities without their parts: ${absentParts.join(', ')}`,
    );
  }
  if (check.requires.includes('tx.clientSign') && ctx.account === undefined) {
    return harnessFault('the step has no funded account, although this check signs transactions');
  }
  const budgetMs =
    typeof ctx.params.checkTimeBudgetMs === 'number' ? ctx.params.checkTimeBudgetMs : undefined;
  const budget = new AbortController();
  // The exact requests the check sends, so a reader can reproduce the verdict by hand.
  const transcript = createRpcTranscript();
  const reproduce = () => {
    const read = transcript.read();
    return read.exchanges.length === 0 ? {} : { transcript: read };
  };
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<'timed-out'>((resolve) => {
    if (budgetMs === undefined) return;
    timer = setTimeout(() => {
      budget.abort(new Error(`the check's time budget of ${budgetMs} ms is spent`));
      resolve('timed-out');
    }, budgetMs);
  });
  try {
    // The check sees one signal: the run's interrupt or its own spent budget. Long checks (property
    // suites, load) stop on it; short ones finish and are stored.
    const signal = AbortSignal.any([ctx.signal, budget.signal]);
    const outcome = await Promise.race([
      transcript.run(() => check.run(checkContextOf(check, { ...ctx, signal }))),
      outOfTime,
    ]);
    if (outcome === 'timed-out') {
      return {
        ...base,
        status: 'error',
        summary: `timed out after ${Math.round((budgetMs ?? 0) / 1_000)} s (checkTimeBudgetMs ${budgetMs}); the check did not decide in time`,
        ...reproduce(),
        durationMs: elapsed(),
      };
    }
    return { ...base, ...jsonSafe(outcome), ...reproduce(), durationMs: elapsed() };
  } catch (error) {
    // Not swallowed: the error is the check's recorded verdict, shown in the report as inconclusive.
    const message =
      error instanceof TargetError
        ? error.shortMessage
        : `harness fault: ${String(error instanceof Error ? error.message : error)}`;
    return {
      ...base,
      status: 'error',
      summary: message.split('\n')[0] ?? message,
      evidence: {
        error:
          error instanceof Error
            ? { name: error.name, message: error.message.split('\n')[0] }
            : String(error),
      },
      ...reproduce(),
      durationMs: elapsed(),
    };
  } finally {
    clearTimeout(timer);
  }
}
