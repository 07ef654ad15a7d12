import type { Capability } from '../adapter/Capability.ts';
import type { ChainAdapter } from '../adapter/ChainAdapter.ts';
import type { Bilingual } from '../profile/ClauseSchema.ts';
import type { ProfileParameters } from '../profile/ProfileParametersSchema.ts';
import type { CheckKind, CheckResult } from './CheckResultSchema.ts';

/** What a check's `run` returns; the runner adds id, kind and timing. */
export type CheckOutcome = Omit<CheckResult, 'checkId' | 'kind' | 'startedAt' | 'durationMs'>;

export interface CheckContext {
  readonly adapter: ChainAdapter;
  readonly params: ProfileParameters;
  /** Progress lines for long checks (shown by the CLI, logged by Lambdas). */
  readonly progress: (line: string) => void;
}

/** Static description of a check: what the profile, the report and the docs say about it. */
export interface CheckMeta {
  /** Stable kebab-case id; never changes meaning once released. */
  readonly id: string;
  /** Id in shared/reference/standards.md §5 (LED-01, TX-02, ...). */
  readonly catalogueId: string;
  readonly kind: CheckKind;
  readonly title: Bilingual;
  /** Clauses this check evidences. */
  readonly clauseIds: readonly string[];
  readonly requires: readonly Capability[];
  /** What is probed and the pass criterion. */
  readonly description: string;
  /** How a misbehaving chain makes it fail (and which fault-proxy fault shows it). */
  readonly failsWhen: string;
}

/** A conformance or property check: metadata plus the probe. */
export interface CheckDefinition extends CheckMeta {
  run(ctx: CheckContext): Promise<CheckOutcome>;
}
