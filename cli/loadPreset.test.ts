import { describe, expect, it } from 'vitest';
import { planRun } from '#core/run/planRun.ts';
import { RunRequestSchema } from '#core/run/RunRequestSchema.ts';
import { registry } from '#registry/index.ts';
import { parseLoadPreset, planForLoadPreset, requestForLoadPreset } from './loadPreset.ts';

const request = (parameters: Record<string, unknown>, skip: string[] = []) =>
  RunRequestSchema.parse({ runId: '20261124T101500Z-1a2b3c4d', parameters, skip });

describe('--load-preset', () => {
  it.each([
    ['stress', 1_000, 60, 0.95],
    ['spike', 2_000, 30, 0.75],
    ['stability', 200, 1_800, 0.95],
  ] as const)(
    '%s scales the stress rate and sets the CAICT duration and success rate',
    (preset, rate, durationS, success) => {
      const shaped = requestForLoadPreset(request({ loadRateTps: 1_000 }), parseLoadPreset(preset, 'all'));
      expect(shaped.parameters).toMatchObject({
        loadRateTps: rate,
        loadDurationS: durationS,
        loadSuccessRateMin: success,
      });
      const plan = planForLoadPreset(planRun(shaped, registry, { maxConcurrentShards: 16 }), preset);
      const load = plan.steps.find((s) => s.kind === 'load');
      expect(load?.kind === 'load' && load.scenarios.map((s) => s.name)).toEqual(['transfer-constant-rate']);
      expect(
        plan.excluded.filter((e) => e.reason === `--load-preset ${preset}`).map((e) => e.checkId),
      ).toEqual(expect.arrayContaining(['perf-query-throughput', 'perf-capacity']));
    },
  );

  it('lets the operator’s own parameters win', () => {
    const shaped = requestForLoadPreset(request({ loadRateTps: 100, loadDurationS: 5 }), 'stability');
    expect(shaped.parameters).toMatchObject({ loadRateTps: 20, loadDurationS: 5, loadSuccessRateMin: 0.95 });
  });

  it('fails in one line on an unknown preset, a missing stress rate, or a clash with --load or --skip load', () => {
    expect(() => parseLoadPreset('soak', 'all')).toThrow(
      /--load-preset must be one of stress, spike, stability/,
    );
    expect(() => parseLoadPreset('spike', 'capacity')).toThrow(/give only one/);
    expect(() => requestForLoadPreset(request({}), 'stress')).toThrow(/needs --rate <tps>, the stress rate/);
    expect(() => requestForLoadPreset(request({ loadRateTps: 10 }, ['load']), 'stress')).toThrow(
      /--skip load/,
    );
  });
});
