import { z } from 'zod';
import { ConfigError } from '#core/errors/ConfigError.ts';
import type { RunPlan } from '#core/run/RunPlanSchema.ts';
import type { RunRequest } from '#core/run/RunRequestSchema.ts';
import { transferLoadChecks } from '#load/transferLoadChecks.ts';
import { keepLoadScenario, type LoadMode } from './loadMode.ts';

/**
 * `--load-preset <name>`: the CAICT blockchain performance test shapes as named parameter sets of the
 * constant-rate transfer scenario (PERF-01/02), scaled from the stress rate the operator gives with
 * --rate (about the capacity `evaluate --load capacity` measured): stress at that rate, a spike at
 * twice it, stability at a fifth of it for half an hour. Each sets the rate, the duration and the
 * success rate the run must keep; a parameter the operator sets with --param or --params wins.
 */
export const loadPresets = {
  stress: { rateFactor: 1, loadDurationS: 60, loadSuccessRateMin: 0.95 },
  spike: { rateFactor: 2, loadDurationS: 30, loadSuccessRateMin: 0.75 },
  stability: { rateFactor: 0.2, loadDurationS: 1_800, loadSuccessRateMin: 0.95 },
} as const;

export const LoadPresetSchema = z.enum(['stress', 'spike', 'stability']);
export type LoadPreset = z.infer<typeof LoadPresetSchema>;

export function parseLoadPreset(value: string | undefined, mode: LoadMode): LoadPreset | undefined {
  if (value === undefined) return undefined;
  const parsed = LoadPresetSchema.safeParse(value);
  if (!parsed.success)
    throw new ConfigError(
      `--load-preset must be one of ${LoadPresetSchema.options.join(', ')} (got "${value}")`,
    );
  if (mode !== 'all')
    throw new ConfigError(
      `--load-preset ${parsed.data} shapes the constant-rate load, --load ${mode} runs the capacity search instead; give only one`,
    );
  return parsed.data;
}

/** The request with the preset's parameters, the rate scaled from the stress rate --rate gave. */
export function requestForLoadPreset(request: RunRequest, preset: LoadPreset | undefined): RunRequest {
  if (preset === undefined) return request;
  if (request.skip.includes('load'))
    throw new ConfigError(
      `--load-preset ${preset} shapes a load step that --skip load leaves out; give only one`,
    );
  const stressRateTps = request.parameters.loadRateTps;
  if (typeof stressRateTps !== 'number')
    throw new ConfigError(
      `--load-preset ${preset} needs --rate <tps>, the stress rate (about the capacity chaineval evaluate --load capacity measured)`,
    );
  const { rateFactor, ...shape } = loadPresets[preset];
  const parameters: Record<string, unknown> = {
    ...request.parameters,
    loadRateTps: stressRateTps * rateFactor,
  };
  for (const [name, value] of Object.entries(shape)) {
    if (!Object.hasOwn(request.parameters, name)) parameters[name] = value;
  }
  return { ...request, parameters };
}

/** A preset's plan: the constant-rate transfer scenario is the whole load step. */
export function planForLoadPreset(plan: RunPlan, preset: LoadPreset | undefined): RunPlan {
  return preset === undefined
    ? plan
    : keepLoadScenario(plan, transferLoadChecks.throughput.id, `--load-preset ${preset}`);
}
