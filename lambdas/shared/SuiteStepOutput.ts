import type { CheckKind } from '#core/checks/CheckResultSchema.ts';
import type { VerdictCounts } from './countVerdicts.ts';

/**
 * What a suite Lambda returns to the state machine: a reference and counts, never the results
 * (those are in the store; Step Functions payloads are capped at 256 KiB).
 */
export interface SuiteStepOutput {
  readonly runId: string;
  readonly kind: CheckKind;
  readonly verdicts: VerdictCounts;
}
