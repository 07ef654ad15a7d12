import { describe, expect, it } from 'vitest';
import { planRun } from '#core/run/planRun.ts';
import { RunRequestSchema } from '#core/run/RunRequestSchema.ts';
import { registry } from '#registry/index.ts';
import { capacitySearchSteps, parseLoadMode, planForLoadMode, requestForLoadMode } from './loadMode.ts';

const request = (parameters: Record<string, unknown> = {}) =>
  RunRequestSchema.parse({ runId: '20261124T101500Z-1a2b3c4d', parameters });
const plan = (mode: 'all' | 'capacity', parameters: Record<string, unknown> = {}) =>
  planForLoadMode(
    planRun(requestForLoadMode(request(parameters), mode), registry, { maxConcurrentShards: 16 }),
    mode,
  );

describe('--load', () => {
  it('keeps every load scenario by default', () => {
    expect(parseLoadMode(undefined, [])).toBe('all');
    const all = planRun(request(), registry, { maxConcurrentShards: 16 });
    expect(plan('all')).toEqual(all);
  });

  it('makes the capacity search the whole load step, searching deep, and excludes the other load checks', () => {
    const p = plan('capacity');
    const load = p.steps.filter((s) => s.kind === 'load');
    expect(load).toHaveLength(1);
    const scenarios = load[0]!.kind === 'load' ? load[0]!.scenarios : [];
    expect(scenarios.map((s) => s.checkIds)).toEqual([['perf-capacity']]);
    expect(p.parameters.loadCapacityMaxSteps).toBe(capacitySearchSteps);
    expect(p.overridden).toContain('loadCapacityMaxSteps');
    const excluded = p.excluded.filter((e) => e.reason === '--load capacity').map((e) => e.checkId);
    expect(excluded).toEqual(
      expect.arrayContaining(['perf-transaction-throughput', 'perf-query-throughput']),
    );
    expect(excluded).not.toContain('perf-capacity');
    // Only the capacity shards' senders are funded.
    const loadRoles = p.accounts.filter((a) => a.role.startsWith('load/')).map((a) => a.role);
    expect(loadRoles).toEqual(scenarios.flatMap((s) => s.senderRoles));
    // Other steps are untouched.
    expect(p.steps.filter((s) => s.kind !== 'load')).toEqual(
      plan('all').steps.filter((s) => s.kind !== 'load'),
    );
  });

  it('keeps the operator’s own search depth', () => {
    expect(plan('capacity', { loadCapacityMaxSteps: 2 }).parameters.loadCapacityMaxSteps).toBe(2);
  });

  it('fails when given a mode it does not know, or together with --skip load, in one line', () => {
    expect(() => parseLoadMode('max', [])).toThrow(/^--load must be one of all, capacity \(got "max"\)/);
    expect(() => parseLoadMode('capacity', ['load'])).toThrow(/--skip load leaves out; give only one/);
  });
});
