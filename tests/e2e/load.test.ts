import { afterEach, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { CheckContext } from '#core/checks/CheckDefinition.ts';
import { LoadShardResultSchema } from '#core/checks/LoadShardResultSchema.ts';
import { ProfileParametersSchema } from '#core/profile/ProfileParametersSchema.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { measureTransferShard, prepareTransferShard } from '#load/runTransferShard.ts';
import { transferLoadScenario } from '#load/transferLoadScenario.ts';

/** 20 tx/s for 3 s: short, yet enough blocks (1 s interval mining) for the faults to show. */
const params = ProfileParametersSchema.parse({
  loadRateTps: 20,
  loadDurationS: 3,
  loadDrainS: 4,
  receiptTimeoutMs: 5_000,
});
const startedAt = new Date().toISOString();

describe('transfer load scenario (PERF-01, PERF-02) on a real anvil', () => {
  // Each case gets its own chain: a lossy run leaves nonce gaps that would stall the next one.
  let anvil: RunningAnvil | undefined;
  let proxy: RunningFaultProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    await anvil?.stop();
    proxy = undefined;
    anvil = undefined;
  });

  it('passes PERF-01 and PERF-02 on a correct chain, and gives the embedded chain its automine back', async () => {
    anvil = await startAnvil();
    const adapter = await createEvmAdapter({
      url: anvil.url,
      privateKey: anvilDevPrivateKey,
      embedded: true,
    });
    const ctx: CheckContext = { adapter, params, progress: () => {} };
    const shard = LoadShardResultSchema.parse(await transferLoadScenario.runShard(ctx, 0, 1));
    expect(shard).toMatchObject({ sent: 60, accepted: 60, committed: 60, lost: 0, rejected: 0 });

    const [tps, latency] = transferLoadScenario.judge([shard], params, startedAt);
    expect(tps?.status, tps?.summary).toBe('pass');
    expect(latency?.status, latency?.summary).toBe('pass');
    expect(tps?.load?.committedTps).toBeGreaterThan(12);
    expect(latency?.load?.latency.count).toBe(60);
    expect(latency?.load?.latency.p95Ms).toBeGreaterThan(0);
    expect(latency?.load?.latency.p95Ms).toBeLessThan(2_500);
    expect(latency?.load?.generator.harnessBottleneck).toBe(false);
    expect(await adapter.rpc!.request('anvil_getAutomine', [])).toMatchObject({ result: true });
  });

  it('fails PERF-01 with lost transactions under drop-transactions', async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url });
    const adapter = await createEvmAdapter({
      url: proxy.url,
      privateKey: anvilDevPrivateKey,
      embedded: true,
    });
    const ctx: CheckContext = { adapter, params, progress: () => {} };
    // Funding and signing happen before the clock starts; the fault is on for the measured window.
    const prepared = await prepareTransferShard(ctx, 0, 1);
    proxy.setFaults(['drop-transactions']);
    const shard = await measureTransferShard(ctx, prepared);
    expect(shard.accepted).toBe(60);
    expect(shard.lost).toBeGreaterThanOrEqual(6);

    const [tps] = transferLoadScenario.judge([shard], params, startedAt);
    expect(tps?.status, tps?.summary).toBe('fail');
    expect(tps?.summary).toMatch(/success rate .* lost/);
    expect(tps?.load?.lost).toBe(shard.lost);
  });

  it('fails PERF-02 under slow-responses with a tight latency bound', async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url, delayMs: 1_500 });
    const adapter = await createEvmAdapter({
      url: proxy.url,
      privateKey: anvilDevPrivateKey,
      embedded: true,
    });
    const slowParams = { ...params, loadDrainS: 8, loadLatencyP95MaxMs: 1_000 };
    const ctx: CheckContext = { adapter, params: slowParams, progress: () => {} };
    const prepared = await prepareTransferShard(ctx, 0, 1);
    proxy.setFaults(['slow-responses']);
    const shard = await measureTransferShard(ctx, prepared);

    const [, latency] = transferLoadScenario.judge([shard], slowParams, startedAt);
    expect(latency?.status, latency?.summary).toBe('fail');
    expect(latency?.load?.generator.harnessBottleneck).toBe(false);
    expect(latency?.load?.latency.count).toBeGreaterThan(0);
    expect(latency?.load?.latency.p95Ms).toBeGreaterThan(1_000);
  });
});
