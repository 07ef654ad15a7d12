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
  /** The step cannot be judged (the harness fell behind its schedule, too few transactions). */
  | { readonly kind: 'inconclusive'; readonly reason: string };

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

/** The highest rate that held and the lowest that broke, if any. */
export function capacityBounds(history: readonly CapacityStep[]): {
  readonly heldTps: number | undefined;
  readonly brokeTps: number | undefined;
} {
  let heldTps: number | undefined;
  let brokeTps: number | undefined;
  for (const step of history) {
    if (step.outcome.kind === 'held') heldTps = Math.max(heldTps ?? 0, step.rateTps);
    if (step.outcome.kind === 'broke')
      brokeTps = Math.min(brokeTps ?? Number.POSITIVE_INFINITY, step.rateTps);
  }
  return { heldTps, brokeTps };
}

/**
 * What the search does after `history`: run one more step (at which rate) or stop (and why). Bounded
 * in steps, rate and time; never goes on after an inconclusive step (a harness that fell behind
 * cannot vouch for a higher rate) or after a step that left transactions uncommitted (its senders'
 * later nonces would be stuck behind the gap, and every lower rate would look broken).
 */
export function nextCapacityStep(options: CapacitySearchOptions, history: readonly CapacityStep[]): NextStep {
  const precision = options.precision ?? 0.1;
  const last = history.at(-1);
  if (last === undefined) return { kind: 'run', rateTps: Math.min(options.startRateTps, options.maxRateTps) };
  if (last.outcome.kind === 'inconclusive') return { kind: 'stop', stoppedBy: 'inconclusive' };
  if (history.length >= options.maxSteps) return { kind: 'stop', stoppedBy: 'max-steps' };
  const elapsedMs = history.reduce((sum, s) => sum + s.durationMs, 0);
  const { heldTps, brokeTps } = capacityBounds(history);

  let next: number;
  if (brokeTps === undefined) {
    const held = heldTps ?? options.startRateTps;
    if (held >= options.maxRateTps) return { kind: 'stop', stoppedBy: 'max-rate' };
    next = Math.min(roundRate(held * options.growth), options.maxRateTps);
  } else {
    if (heldTps === undefined || heldTps >= brokeTps) return { kind: 'stop', stoppedBy: 'bound' };
    if (last.outcome.kind === 'broke' && !last.outcome.clean) return { kind: 'stop', stoppedBy: 'bound' };
    if ((brokeTps - heldTps) / heldTps <= precision) return { kind: 'stop', stoppedBy: 'bound' };
    next = roundRate((heldTps + brokeTps) / 2);
    if (next <= heldTps || next >= brokeTps) return { kind: 'stop', stoppedBy: 'bound' };
  }
  // A step at a higher rate takes at least as long as the longest so far (same duration, more signing).
  const longestMs = Math.max(...history.map((s) => s.durationMs));
  if (elapsedMs + longestMs > options.maxDurationMs) return { kind: 'stop', stoppedBy: 'time-budget' };
  return { kind: 'run', rateTps: next };
}
