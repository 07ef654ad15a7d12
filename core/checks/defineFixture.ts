import type { Capability } from '../adapter/Capability.ts';
import type { Identity, TxBudget } from '../adapter/ChainAdapter.ts';
import type { AdapterWith } from './AdapterWith.ts';
import type { AnyParameter, ParamsOf } from './defineParameter.ts';

export interface FixtureContext<C extends Capability, P extends readonly AnyParameter[]> {
  readonly adapter: AdapterWith<C>;
  readonly params: ParamsOf<P>;
  /** The funded identity of the step, when the adapter signs (`tx.clientSign`). */
  readonly account: Identity | undefined;
  readonly progress: (line: string) => void;
}

/**
 * Something several checks of a step need and that is expensive or changes the chain: the ledger
 * sample (read once), the probe contract (deployed once). The step runner creates each fixture the
 * first time a check asks for it and hands the same value to every later check of the step.
 * A fixture that cannot be made returns a value saying why (its own union type); it does not throw
 * for a misbehaving chain, so each check can judge what the failure means for it.
 */
export interface FixtureDefinition<
  T = unknown,
  C extends Capability = Capability,
  P extends readonly AnyParameter[] = readonly AnyParameter[],
> {
  readonly id: string;
  readonly description: string;
  readonly requires: readonly C[];
  readonly parameters: P;
  /** Transactions creating it sends from the step's account, priced into the step's funding. */
  budget(params: ParamsOf<P>): TxBudget;
  create(ctx: FixtureContext<C, P>): Promise<T>;
}

/** The erased form a check's fixture list holds; created only through the step's fixture cache. */
export interface AnyFixture
  extends Omit<FixtureDefinition<unknown, Capability, readonly AnyParameter[]>, 'create' | 'budget'> {
  // biome-ignore lint/suspicious/noExplicitAny: erased parameter values.
  budget(params: any): TxBudget;
  // biome-ignore lint/suspicious/noExplicitAny: erased context, built by runCheck.
  create(ctx: any): Promise<unknown>;
}

export function defineFixture<T, const C extends Capability, const P extends readonly AnyParameter[]>(
  definition: Omit<FixtureDefinition<T, C, P>, 'budget'> &
    Partial<Pick<FixtureDefinition<T, C, P>, 'budget'>>,
): FixtureDefinition<T, C, P> {
  return { budget: () => [], ...definition };
}
