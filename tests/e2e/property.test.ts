import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { propertyTransferModel } from '#property/transfers/propertyTransferModel.ts';
import { runTransferModelProperty } from '#property/transfers/runTransferModelProperty.ts';
import { createCheckContext } from '../support/createCheckContext.ts';
import { createCheckRunner } from '../support/createCheckRunner.ts';

const parameters = {
  propertyNumRuns: 4,
  propertyMaxCommands: 6,
  propertySeed: 20_260_101,
  receiptTimeoutMs: 5_000,
};
const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;

describe('PROP-01 property-transfer-model on a real anvil', () => {
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy | undefined;

  beforeAll(async () => {
    anvil = await startAnvil();
  });
  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
  });

  it('passes on a correct chain and records the seed', async () => {
    const adapter = await createEvmAdapter({ url: anvil.url, signer, embedded: true });
    const runner = await createCheckRunner(adapter, { parameters });
    const result = await runner.run('property-transfer-model');
    expect(result.status, result.summary).toBe('pass');
    expect(result.property).toMatchObject({ seed: 20_260_101, numRuns: 4 });
    expect(result.property?.commandsExecuted).toBeGreaterThan(0);
    expect(result.property?.counterexample).toBeUndefined();
  });

  it('fails under balance-drift with a shrunk counterexample, and the recorded seed + path replay it', async () => {
    // The fault is on from the start, as on a chain that really misreports balances: funding the step
    // account and the suite's accounts goes through it too, and must not keep PROP-01 from judging.
    proxy = await startFaultProxy({ upstreamUrl: anvil.url, faults: ['balance-drift'] });
    const adapter = await createEvmAdapter({ url: proxy.url, signer });
    const failing = { ...parameters, propertySeed: 7 };
    const runner = await createCheckRunner(adapter, { parameters: failing });

    const result = await runner.run('property-transfer-model');
    expect(result.status, result.summary).toBe('fail');
    const run = result.property;
    expect(run?.seed).toBe(7);
    expect(run?.path).toMatch(/^\d+(:\d+)*$/);
    // One transfer is enough to expose the drift; shrinking must get there.
    expect(run?.counterexample).toHaveLength(1);
    expect(run?.counterexample?.[0]).toMatch(/^(Self)?Transfer\(/);
    expect(run?.failure).toMatch(/balance \d+, model \d+/);
    const replay = result.evidence?.replay as { seed: number; path: string; replayPath?: string };
    expect(replay).toMatchObject({ seed: 7, path: run?.path });

    // The replay runs the property function itself, with the context a step would give the check.
    const ctx = createCheckContext(propertyTransferModel, adapter, {
      account: runner.account,
      parameters: failing,
    });
    const replayed = await runTransferModelProperty(ctx, {
      replay: {
        seed: replay.seed,
        path: replay.path,
        ...(replay.replayPath ? { replayPath: replay.replayPath } : {}),
      },
    });
    expect(replayed.status).toBe('fail');
    expect(replayed.property?.counterexample).toEqual(run?.counterexample);
    expect(replayed.property?.numRuns).toBe(1);
  });
});
