import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { type CheckRunner, createCheckRunner } from '../support/createCheckRunner.ts';
import type { RunningNode } from '../support/RunningNode.ts';
import { startHardhat } from '../support/startHardhat.ts';
import { startJsonRpcGateway } from '../support/startJsonRpcGateway.ts';

/**
 * NET-01 net-peer-count and PERF-07 node-sync-telemetry on real dev nodes: anvil 1.7.1 does not serve
 * net_peerCount (-32601), Hardhat 2.29.1 serves all three telemetry methods and reports 0 peers. A
 * gateway that reports peers shows NET-01 can pass; each fault turns a clean verdict into a fail.
 */
describe('node telemetry checks', () => {
  let anvil: RunningAnvil;
  let hardhat: RunningNode;
  let anvilProxy: RunningFaultProxy;
  let hardhatProxy: RunningFaultProxy;
  let onAnvil: CheckRunner;
  let onHardhat: CheckRunner;

  beforeAll(async () => {
    [anvil, hardhat] = await Promise.all([startAnvil(), startHardhat()]);
    anvilProxy = await startFaultProxy({ upstreamUrl: anvil.url });
    hardhatProxy = await startFaultProxy({ upstreamUrl: hardhat.url });
    onAnvil = await createCheckRunner(
      await createEvmAdapter({
        url: anvilProxy.url,
        signer: { kind: 'local-key', privateKey: anvilDevPrivateKey },
      }),
      { fundedTransactions: 0 },
    );
    onHardhat = await createCheckRunner(
      await createEvmAdapter({
        url: hardhatProxy.url,
        signer: { kind: 'local-key', privateKey: hardhat.devPrivateKey },
      }),
      { fundedTransactions: 0 },
    );
  });
  afterEach(() => {
    anvilProxy?.setFaults([]);
    hardhatProxy?.setFaults([]);
  });
  afterAll(async () => {
    await anvilProxy?.close();
    await hardhatProxy?.close();
    await Promise.all([anvil?.stop(), hardhat?.stop()]);
  });

  describe('NET-01 net-peer-count', () => {
    it('is skipped on anvil, which does not serve net_peerCount', async () => {
      const result = await onAnvil.run('net-peer-count');
      expect(result.status, result.summary).toBe('skip');
      expect(result.summary).toMatch(
        /^peer connectivity cannot be observed: endpoint 1 \(http:\/\/127\.0\.0\.1:\d+\) does not serve net_peerCount \(-32601 "Method not found"\)$/,
      );
    });

    it('fails on Hardhat, a single node with 0 peers', async () => {
      const result = await onHardhat.run('net-peer-count');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(
        /endpoint 1 \(http:\/\/127\.0\.0\.1:\d+\) has 0 peer\(s\), fewer than 2$/,
      );
    });

    it('passes with a waiver, never plainly, when minPeers is lowered below the requirement', async () => {
      const result = await onHardhat.run('net-peer-count', { minPeers: 0 });
      expect(result.status, result.summary).toBe('pass');
      expect(result.waiver).toMatchObject({ parameter: 'minPeers', value: 0, requirement: 2 });
    });

    it('passes on a node that reports 3 peers', async () => {
      const gateway = await startJsonRpcGateway({
        upstreamUrl: anvil.url,
        rewriteAnswer: (method, answer) =>
          method === 'net_peerCount' ? { jsonrpc: '2.0', id: answer.id, result: '0x3' } : answer,
      });
      try {
        const runner = await createCheckRunner(
          await createEvmAdapter({
            url: gateway.url,
            signer: { kind: 'local-key', privateKey: anvilDevPrivateKey },
          }),
          { fundedTransactions: 0 },
        );
        const result = await runner.run('net-peer-count');
        expect(result.status, result.summary).toBe('pass');
        expect(result.waiver).toBeUndefined();
      } finally {
        await gateway.close();
      }
    });

    it('fails when net_peerCount is a JSON number, not a hex quantity (peer-count-malformed)', async () => {
      anvilProxy.setFaults(['peer-count-malformed']);
      const result = await onAnvil.run('net-peer-count');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(/answers net_peerCount with 25, not a hex quantity/);
    });
  });

  describe('PERF-07 node-sync-telemetry', () => {
    it('passes on Hardhat, which serves eth_syncing, net_peerCount and net_listening', async () => {
      const result = await onHardhat.run('node-sync-telemetry');
      expect(result.status, result.summary).toBe('pass');
      const telemetry = Object.values(result.actual as Record<string, unknown>)[0];
      expect(telemetry).toEqual({ eth_syncing: false, net_peerCount: '0x0', net_listening: true });
    });

    it('fails on anvil, which does not serve net_peerCount', async () => {
      const result = await onAnvil.run('node-sync-telemetry');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(/does not serve net_peerCount \(-32601 "Method not found"\)$/);
    });

    it('passes on anvil with a waiver when the run leaves net_peerCount out', async () => {
      const result = await onAnvil.run('node-sync-telemetry', {
        syncTelemetryMethods: ['eth_syncing', 'net_listening'],
      });
      expect(result.status, result.summary).toBe('pass');
      expect(result.waiver).toMatchObject({
        parameter: 'syncTelemetryMethods',
        value: ['eth_syncing', 'net_listening'],
      });
    });

    it('fails when eth_syncing is not served (sync-status-unavailable)', async () => {
      hardhatProxy.setFaults(['sync-status-unavailable']);
      const result = await onHardhat.run('node-sync-telemetry');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(/does not serve eth_syncing \(-32601 "Method not found"\)$/);
    });
  });
});
