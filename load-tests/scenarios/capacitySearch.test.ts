import { describe, expect, it } from 'vitest';
import {
  type CapacitySearchOptions,
  type CapacityStep,
  capacityBounds,
  nextCapacityStep,
} from './capacitySearch.ts';

const options: CapacitySearchOptions = {
  startRateTps: 100,
  growth: 2,
  maxRateTps: 10_000,
  maxSteps: 8,
  maxDurationMs: 600_000,
};
const held = (rateTps: number): CapacityStep => ({ rateTps, outcome: { kind: 'held' }, durationMs: 5_000 });
const broke = (rateTps: number, clean = true): CapacityStep => ({
  rateTps,
  outcome: { kind: 'broke', reason: 'p95 latency 6000 ms > 5000 ms', clean },
  durationMs: 5_000,
});

/** Runs the search against a chain that holds exactly up to `capacityTps`, returning the rates tried. */
function searchAgainst(capacityTps: number, opts: CapacitySearchOptions = options) {
  const history: CapacityStep[] = [];
  for (
    let next = nextCapacityStep(opts, history);
    next.kind === 'run';
    next = nextCapacityStep(opts, history)
  ) {
    history.push(next.rateTps <= capacityTps ? held(next.rateTps) : broke(next.rateTps));
  }
  return {
    rates: history.map((s) => s.rateTps),
    bounds: capacityBounds(history),
    stop: nextCapacityStep(opts, history),
  };
}

describe('nextCapacityStep', () => {
  it('starts at the start rate and steps up by the growth factor while steps hold', () => {
    expect(nextCapacityStep(options, [])).toEqual({ kind: 'run', rateTps: 100 });
    expect(nextCapacityStep(options, [held(100)])).toEqual({ kind: 'run', rateTps: 200 });
    expect(nextCapacityStep(options, [held(100), held(200)])).toEqual({ kind: 'run', rateTps: 400 });
  });

  it('bisects between the highest rate that held and the lowest that broke, to the precision asked', () => {
    const { rates, bounds, stop } = searchAgainst(2_900);
    expect(rates.slice(0, 7)).toEqual([100, 200, 400, 800, 1_600, 3_200, 2_400]);
    expect(stop).toEqual({ kind: 'stop', stoppedBy: 'max-steps' });
    expect(bounds.heldTps).toBeLessThanOrEqual(2_900);
    expect(bounds.brokeTps).toBeGreaterThan(2_900);
    expect(rates).toHaveLength(8);
    // With steps to spare the bisection stops once the gap is within 10% of the held rate.
    const wide = searchAgainst(2_900, { ...options, maxSteps: 16 });
    expect(wide.stop).toEqual({ kind: 'stop', stoppedBy: 'bound' });
    expect((wide.bounds.brokeTps! - wide.bounds.heldTps!) / wide.bounds.heldTps!).toBeLessThanOrEqual(0.1);
    expect(wide.bounds.heldTps).toBeGreaterThan(2_600);
  });

  it('stops when the first rate breaks: there is no capacity to refine', () => {
    expect(nextCapacityStep(options, [broke(100)])).toEqual({ kind: 'stop', stoppedBy: 'bound' });
  });

  it('does not bisect after a step that lost transactions (its senders are stuck behind the nonce gap)', () => {
    expect(nextCapacityStep(options, [held(100), broke(200, false)])).toEqual({
      kind: 'stop',
      stoppedBy: 'bound',
    });
    expect(nextCapacityStep(options, [held(100), broke(200, true)])).toEqual({ kind: 'run', rateTps: 150 });
  });

  it('bisects below a rate the harness could not judge, as below a broken one, when nothing was lost', () => {
    const late = (rateTps: number, clean = true): CapacityStep => ({
      rateTps,
      outcome: { kind: 'inconclusive', reason: 'harness-bound', clean },
      durationMs: 5_000,
    });
    expect(nextCapacityStep(options, [held(100), late(200)])).toEqual({ kind: 'run', rateTps: 150 });
    // Converged below it: the search says the harness, not the chain, ended it.
    expect(nextCapacityStep(options, [held(100), late(200), held(150), held(190)])).toEqual({
      kind: 'stop',
      stoppedBy: 'inconclusive',
    });
    // A broken rate below the unjudged one is the nearer bound.
    expect(nextCapacityStep(options, [held(100), late(400), broke(250), held(240)])).toEqual({
      kind: 'stop',
      stoppedBy: 'bound',
    });
    // Lost transactions, or nothing held yet: no lower rate can be measured on those senders.
    expect(nextCapacityStep(options, [held(100), late(200, false)])).toEqual({
      kind: 'stop',
      stoppedBy: 'inconclusive',
    });
    expect(nextCapacityStep(options, [late(100)])).toEqual({ kind: 'stop', stoppedBy: 'inconclusive' });
    // A harness that cannot keep up above 2,500 tx/s against a chain good for 2,900: the search
    // finds the harness's limit to the precision asked, never a figure above it.
    const history: CapacityStep[] = [];
    const opts = { ...options, maxSteps: 16 };
    for (let n = nextCapacityStep(opts, history); n.kind === 'run'; n = nextCapacityStep(opts, history))
      history.push(
        n.rateTps > 2_500 ? late(n.rateTps) : n.rateTps <= 2_900 ? held(n.rateTps) : broke(n.rateTps),
      );
    const bounds = capacityBounds(history);
    expect(bounds.heldTps).toBeLessThanOrEqual(2_500);
    expect(bounds.heldTps).toBeGreaterThan(2_500 / 1.1);
    expect(nextCapacityStep(opts, history)).toEqual({ kind: 'stop', stoppedBy: 'inconclusive' });
  });

  it('is bounded by the maximum rate, the step count and the time budget', () => {
    const capped = { ...options, maxRateTps: 300 };
    expect(nextCapacityStep(capped, [held(100), held(200)])).toEqual({ kind: 'run', rateTps: 300 });
    expect(nextCapacityStep(capped, [held(100), held(200), held(300)])).toEqual({
      kind: 'stop',
      stoppedBy: 'max-rate',
    });
    expect(nextCapacityStep({ ...options, maxSteps: 2 }, [held(100), held(200)])).toEqual({
      kind: 'stop',
      stoppedBy: 'max-steps',
    });
    expect(nextCapacityStep({ ...options, maxDurationMs: 12_000 }, [held(100), held(200)])).toEqual({
      kind: 'stop',
      stoppedBy: 'time-budget',
    });
    // A search of huge capacity still ends within maxSteps.
    expect(searchAgainst(Number.POSITIVE_INFINITY).rates).toEqual([
      100, 200, 400, 800, 1_600, 3_200, 6_400, 10_000,
    ]);
  });
});
