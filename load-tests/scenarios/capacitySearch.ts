/**
 * The capacity search executor (issue 9): a load shape decided step by step. Each step is a
 * constant-arrival-rate run; the rate steps up geometrically while the pass criteria hold, then
 * bisects between the highest rate that held and the lowest that broke. Pure, so its decisions are
 * unit-tested; runCapacityShard.ts runs the steps and judgeCapacity.ts turns them into a verdict.
 */
export interface CapacitySearchOptions {
  /** First rate tried (the profile's offered rate). */
  readonly startRateTps: number;
  /** Factor between consecutive rates while every step holds (> 1). */
  readonly growth: number;
  /** No step is offered more than this. */
  readonly maxRateTps: number;
  /** Steps at most, stepping up and bisecting together. */
  readonly maxSteps: number;
  /** Wall time the whole search may take; a step that would not fit is not started. */
  readonly maxDurationMs: number;
  /** Bisection stops once (broken − held) / held ≤ this. @default 0.1 */
  readonly precision?: number;
}

/** How one step ended, judged on its own merged metrics (judgeCapacityStep). */
export type StepOutcome =
  | { readonly kind: 'held' }
  /**
   * The success rate or the latency bound broke. `clean`: every accepted transaction was committed,
   * so the senders' nonces have no gap and a lower rate can still be measured on them.
   */
  | { readonly kind: 'broke'; readonly reason: string; readonly clean: boolean }
  /**
   * The step cannot be judged (the harness fell behind its schedule, too few transactions).
   * `clean` as for `broke`: with no transaction lost, the rate is a ceiling the harness cannot vouch
   * above, and the search may still measure lower rates on the same senders.
   */
  | { readonly kind: 'inconclusive'; readonly reason: string; readonly clean?: boolean };

export interface CapacityStep {
  readonly rateTps: number;
  readonly outcome: StepOutcome;
  /** Wall time the step took, preparation and drain included. */
  readonly durationMs: number;
}

export type StopReason =
  /** A rate broke and the bisection is as fine as asked, or cannot go on (nonce gaps). */
  'bound' | 'max-rate' | 'max-steps' | 'time-budget' | 'inconclusive';

export type NextStep =
  | { readonly kind: 'run'; readonly rateTps: number }
  | { readonly kind: 'stop'; readonly stoppedBy: StopReason };

/** Rates above 10 tx/s are whole numbers; below, one decimal (a readable figure, no false precision). */
function roundRate(rateTps: number): number {
  return rateTps >= 10 ? Math.round(rateTps) : Math.round(rateTps * 10) / 10;
}

/**
 * The highest rate that held, the lowest that broke, and the lowest the harness could not judge
 * (a clean inconclusive step: the generator fell behind, nothing was lost), if any.
 */
export function capacityBounds(history: readonly CapacityStep[]): {
  readonly heldTps: number | undefined;
  readonly brokeTps: number | undefined;
  readonly unjudgedTps: number | undefined;
} {
  let heldTps: number | undefined;
  let brokeTps: number | undefined;
  let unjudgedTps: number | undefined;
  for (const step of history) {
    if (step.outcome.kind === 'held') heldTps = Math.max(heldTps ?? 0, step.rateTps);
    if (step.outcome.kind === 'broke')
      brokeTps = Math.min(brokeTps ?? Number.POSITIVE_INFINITY, step.rateTps);
    if (step.outcome.kind === 'inconclusive')
      unjudgedTps = Math.min(unjudgedTps ?? Number.POSITIVE_INFINITY, step.rateTps);
  }
  return { heldTps, brokeTps, unjudgedTps };
}

/**
 * What the search does after `history`: run one more step (at which rate) or stop (and why). Bounded
 * in steps, rate and time. A step the harness could not judge (it fell behind its own schedule) is a
 * ceiling, not a verdict: the search bisects below it as below a broken rate, so the figure reported
 * is the highest rate the harness can vouch for ("at least"), found as finely as a broken bound would
 * be. It stops after an inconclusive step that lost transactions, or one before anything held, and
 * after a broken step that lost transactions (its senders' later nonces would be stuck behind the gap,
 * and every lower rate would look broken).
 */
export function nextCapacityStep(options: CapacitySearchOptions, history: readonly CapacityStep[]): NextStep {
  const precision = options.precision ?? 0.1;
  const last = history.at(-1);
  if (last === undefined) return { kind: 'run', rateTps: Math.min(options.startRateTps, options.maxRateTps) };
  const { heldTps, brokeTps, unjudgedTps } = capacityBounds(history);
  if (last.outcome.kind === 'inconclusive' && (!last.outcome.clean || heldTps === undefined))
    return { kind: 'stop', stoppedBy: 'inconclusive' };
  if (history.length >= options.maxSteps) return { kind: 'stop', stoppedBy: 'max-steps' };
  const elapsedMs = history.reduce((sum, s) => sum + s.durationMs, 0);
  const upperTps = Math.min(brokeTps ?? Number.POSITIVE_INFINITY, unjudgedTps ?? Number.POSITIVE_INFINITY);
  /** What ends a converged bisection: a broken rate, or one the harness could not judge. */
  const converged: StopReason = brokeTps !== undefined && brokeTps <= upperTps ? 'bound' : 'inconclusive';

  let next: number;
  if (upperTps === Number.POSITIVE_INFINITY) {
    const held = heldTps ?? options.startRateTps;
    if (held >= options.maxRateTps) return { kind: 'stop', stoppedBy: 'max-rate' };
    next = Math.min(roundRate(held * options.growth), options.maxRateTps);
  } else {
    if (heldTps === undefined || heldTps >= upperTps) return { kind: 'stop', stoppedBy: converged };
    if (last.outcome.kind === 'broke' && !last.outcome.clean) return { kind: 'stop', stoppedBy: 'bound' };
    if ((upperTps - heldTps) / heldTps <= precision) return { kind: 'stop', stoppedBy: converged };
    next = roundRate((heldTps + upperTps) / 2);
    if (next <= heldTps || next >= upperTps) return { kind: 'stop', stoppedBy: converged };
  }
  // A step at a higher rate takes at least as long as the longest so far (same duration, more signing).
  const longestMs = Math.max(...history.map((s) => s.durationMs));
  if (elapsedMs + longestMs > options.maxDurationMs) return { kind: 'stop', stoppedBy: 'time-budget' };
  return { kind: 'run', rateTps: next };
}
