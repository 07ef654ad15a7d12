import type { Capability } from '../adapter/Capability.ts';
import type { Identity, TxBudget } from '../adapter/ChainAdapter.ts';
import type { Bilingual } from '../profile/ClauseSchema.ts';
import type { AdapterWith } from './AdapterWith.ts';
import type { CheckResult } from './CheckResultSchema.ts';
import type { AnyParameter, ParamsOf } from './defineParameter.ts';
import type { LoadShardResult } from './LoadShardResultSchema.ts';

/** A check a load scenario decides; its verdict comes from the scenario's `judge`. */
export interface LoadCheckMeta {
  readonly id: string;
  readonly catalogueId: string;
  readonly title: Bilingual;
  readonly description: string;
  readonly failsWhen: string;
  /** Fault-proxy faults under which it must end `fail`. */
  readonly faults: readonly string[];
}

export interface ShardContext<C extends Capability, P extends readonly AnyParameter[]> {
  readonly adapter: AdapterWith<C>;
  readonly params: ParamsOf<P>;
  readonly shardIndex: number;
  readonly shardCount: number;
  /** This shard's own identities, derived from the run id and funded while planning. */
  readonly senders: readonly Identity[];
  /** Epoch ms every shard of the scenario starts sending at (one time for all, from the plan). */
  readonly startAtMs: number;
  readonly progress: (line: string) => void;
  readonly signal: AbortSignal;
}

/**
 * A load scenario split the way both runtimes run it (k6 style: shape, workload and pass criteria
 * declared apart): shards (in-process locally, a Step Functions Map of Lambdas in AWS) each produce
 * raw counts and histograms; `judge` merges them exactly and turns them into its checks' verdicts.
 */
export interface LoadScenarioDefinition<
  C extends Capability = Capability,
  P extends readonly AnyParameter[] = readonly AnyParameter[],
> {
  readonly name: string;
  readonly description: string;
  readonly checks: readonly LoadCheckMeta[];
  /** Capabilities every shard needs; without them the scenario's checks are skipped. */
  readonly requires: readonly C[];
  readonly parameters: P;
  /** How many identities each shard sends from, and what each must be funded with. */
  senders(params: ParamsOf<P>, shardCount: number): { readonly count: number; readonly budget: TxBudget };
  /** Time a shard needs from its start to be ready to send (pre-signing), so the plan can set one start time. */
  prepareMs(params: ParamsOf<P>, shardCount: number): number;
  runShard(ctx: ShardContext<C, P>): Promise<LoadShardResult>;
  judge(shards: readonly LoadShardResult[], params: ParamsOf<P>, startedAt: string): CheckResult[];
}

/** The erased form the registry holds; shards run only through executeLoadShard. */
export interface AnyLoadScenario
  extends Omit<
    LoadScenarioDefinition<Capability, readonly AnyParameter[]>,
    'senders' | 'prepareMs' | 'runShard' | 'judge'
  > {
  // biome-ignore lint/suspicious/noExplicitAny: erased parameter values, validated at plan time.
  senders(params: any, shardCount: number): { readonly count: number; readonly budget: TxBudget };
  // biome-ignore lint/suspicious/noExplicitAny: erased parameter values.
  prepareMs(params: any, shardCount: number): number;
  // biome-ignore lint/suspicious/noExplicitAny: erased context, built by executeLoadShard.
  runShard(ctx: any): Promise<LoadShardResult>;
  // biome-ignore lint/suspicious/noExplicitAny: erased parameter values.
  judge(shards: readonly LoadShardResult[], params: any, startedAt: string): CheckResult[];
}

export function defineLoadScenario<const C extends Capability, const P extends readonly AnyParameter[]>(
  definition: LoadScenarioDefinition<C, P>,
): LoadScenarioDefinition<C, P> {
  return definition;
}
