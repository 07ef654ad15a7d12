import type { Capability } from '../adapter/Capability.ts';
import type { Identity, TxBudget } from '../adapter/ChainAdapter.ts';
import type { Bilingual } from '../profile/ClauseSchema.ts';
import type { AdapterWith } from './AdapterWith.ts';
import type { CheckOutcome } from './CheckResultSchema.ts';
import type { AnyFixture, FixtureDefinition } from './defineFixture.ts';
import type { AnyParameter, ParamsOf } from './defineParameter.ts';

/** What `run` receives: the adapter with the required parts, typed parameters, the step's account. */
export interface CheckContext<C extends Capability, P extends readonly AnyParameter[]> {
  readonly adapter: AdapterWith<C>;
  /**
   * Every endpoint of the network under test, `adapter` first (the CLI's `--target`, repeated). A
   * check declaring `minEndpoints` > 1 runs only when there are that many; each has the capabilities
   * the check requires.
   */
  readonly network: readonly AdapterWith<C>[];
  readonly params: ParamsOf<P>;
  /**
   * The values the profile states the standard requires, for the parameters that have one. A check
   * that passes only because `params` holds a more permissive value returns a `waiver`.
   */
  readonly requirements: Partial<ParamsOf<P>>;
  /**
   * The step's own funded identity (derived from the run id, funded while planning), so steps that
   * run at once never share a nonce. Present whenever the adapter signs (`tx.clientSign`).
   */
  readonly account: 'tx.clientSign' extends C ? Identity : Identity | undefined;
  /** The step's shared value of a fixture listed in the check's `fixtures`. */
  fixture<T>(fixture: FixtureDefinition<T, Capability, readonly AnyParameter[]>): Promise<T>;
  /** Progress lines for long checks (shown by the CLI, logged by Lambdas). */
  readonly progress: (line: string) => void;
  /** Aborted when the run is interrupted or the check's time budget is spent. */
  readonly signal: AbortSignal;
}

export type RunnableCheckKind = 'conformance' | 'property';

/**
 * A conformance or property check (DESIGN.md "Evaluation model"). Carries no clause ids: which
 * clauses it evidences is the profile's business (profiles/<id>/profile.json), so one check serves
 * several profiles. Registered in registry/checks.ts; the registry test enforces what every check
 * must have.
 */
export interface CheckDefinition<
  C extends Capability = Capability,
  P extends readonly AnyParameter[] = readonly AnyParameter[],
> {
  /** Stable kebab-case id; never changes meaning once released. */
  readonly id: string;
  /** Id in shared/reference/standards.md §5 (LED-01, TX-02, ...). */
  readonly catalogueId: string;
  readonly kind: RunnableCheckKind;
  readonly title: Bilingual;
  /** What is probed and the pass criterion. */
  readonly description: string;
  /** How a misbehaving chain makes it fail. */
  readonly failsWhen: string;
  readonly requires: readonly C[];
  /** Endpoints of one network the check compares (cross-node checks: 2). @default 1 */
  readonly minEndpoints: number;
  /**
   * The check may stop the node it probes (robustness fuzzing: one malformed request has been seen to
   * end anvil, Hardhat and ganache). The plan runs such checks in its last step, `disruptive`, after
   * every other check and the load, so a node they stop costs no other verdict. @default false
   */
  readonly disruptive: boolean;
  readonly parameters: P;
  readonly fixtures: readonly AnyFixture[];
  /** Fault-proxy faults (fault-proxy/faultCatalogue.ts) under which it must end `fail`. */
  readonly faults: readonly string[];
  /** Transactions it sends from the step's account, priced into the step's funding. */
  budget(params: ParamsOf<P>): TxBudget;
  run(ctx: CheckContext<C, P>): Promise<CheckOutcome>;
}

/**
 * The erased form the registry holds. `run` is only called through runCheck, after the capabilities,
 * parts and parameters its typed context promises were verified.
 */
export interface AnyCheck
  extends Omit<CheckDefinition<Capability, readonly AnyParameter[]>, 'run' | 'budget'> {
  // biome-ignore lint/suspicious/noExplicitAny: erased parameter values, validated by their schemas at plan time.
  budget(params: any): TxBudget;
  // biome-ignore lint/suspicious/noExplicitAny: erased context, built by runCheck.
  run(ctx: any): Promise<CheckOutcome>;
}

type CheckSpec<C extends Capability, P extends readonly AnyParameter[]> = Omit<
  CheckDefinition<C, P>,
  'fixtures' | 'budget' | 'minEndpoints' | 'disruptive'
> &
  Partial<Pick<CheckDefinition<C, P>, 'fixtures' | 'budget' | 'minEndpoints' | 'disruptive'>>;

/** Declares a check; `requires` and `parameters` type what `run` receives. */
export function defineCheck<const C extends Capability, const P extends readonly AnyParameter[]>(
  spec: CheckSpec<C, P>,
): CheckDefinition<C, P> {
  return { fixtures: [], budget: () => [], minEndpoints: 1, disruptive: false, ...spec };
}
