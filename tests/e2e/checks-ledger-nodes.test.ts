import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { ChainAdapter, Identity } from '#core/adapter/ChainAdapter.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { createCheckRunner } from '../support/createCheckRunner.ts';
import { runOnNetwork } from '../support/runOnNetwork.ts';

const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
/** Short bounds: a node that lags shows it in a second, and a hidden receipt costs seconds, not minutes. */
const parameters = { receiptTimeoutMs: 5_000, crossNodeSyncMs: 1_500 };

/** A check over `network` with this file's parameters, `overrides` winning. */
const runOn = (
  checkId: string,
  network: readonly ChainAdapter[],
  account: Identity | undefined,
  overrides: Record<string, unknown> = {},
) => runOnNetwork(checkId, network, account, { ...parameters, ...overrides });

/**
 * Cross-node checks (issue 7 item 4): LED-04 ledger-nodes-agree and LED-14
 * ledger-tx-visible-on-all-nodes pass on two endpoints of ONE chain (two fault proxies in front of one
 * anvil), fail when the second endpoint diverges (the 'second-endpoint' faults), and fail on two
 * independent anvils given as one network.
 */
describe('cross-node ledger checks', () => {
  let anvil: RunningAnvil;
  let first: RunningFaultProxy;
  let second: RunningFaultProxy;
  let network: ChainAdapter[];
  let account: Identity | undefined;

  beforeAll(async () => {
    anvil = await startAnvil();
    first = await startFaultProxy({ upstreamUrl: anvil.url });
    second = await startFaultProxy({ upstreamUrl: anvil.url });
    network = [
      await createEvmAdapter({ url: first.url, signer }),
      await createEvmAdapter({ url: second.url, signer }),
    ];
    ({ account } = await createCheckRunner(network[0] as ChainAdapter, { parameters }));
  });
  afterEach(() => second?.setFaults([]));
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await anvil?.stop();
  });

  it('skips both on a single endpoint: they compare nodes', async () => {
    for (const checkId of ['ledger-nodes-agree', 'ledger-tx-visible-on-all-nodes']) {
      const result = await runOn(checkId, network.slice(0, 1), account);
      expect(result.status).toBe('skip');
      expect(result.summary).toMatch(/^needs 2 endpoints of one network/);
    }
  });

  describe('LED-04 ledger-nodes-agree', () => {
    it('passes on two endpoints of one chain, comparing genesis and the block of its own transaction', async () => {
      const result = await runOn('ledger-nodes-agree', network, account);
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(
        /^2 endpoints agree on hash, parentHash, stateRoot, transactionsRoot, receiptsRoot at \d+ heights/,
      );
      expect(result.evidence?.comparedRange).toMatch(/^0\.\./);
    });

    it('fails when the second node reports other state roots (node-divergent-state-root)', async () => {
      second.setFaults(['node-divergent-state-root']);
      const result = await runOn('ledger-nodes-agree', network, account);
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(
        /endpoint 2 reports stateRoot 0x[0-9a-f]{64}, endpoint 1 0x[0-9a-f]{64}/,
      );
      const listed = result.evidence?.firstDisagreements as { field: string; endpoint: number }[];
      expect(listed.every((d) => d.field === 'stateRoot' && d.endpoint === 2)).toBe(true);
    });
  });

  describe('LED-14 ledger-tx-visible-on-all-nodes', () => {
    it('passes: every transaction sent to the first endpoint is in the same block on the second', async () => {
      const result = await runOn('ledger-tx-visible-on-all-nodes', network, account);
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(
        /^all 4 transactions committed on endpoint 1 are in the same blocks on the 1 other endpoint/,
      );
    });

    it('fails when the second node does not know transactions submitted elsewhere (tx-not-propagated)', async () => {
      second.setFaults(['tx-not-propagated']);
      const result = await runOn('ledger-tx-visible-on-all-nodes', network, account);
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(
        /is not visible on endpoint 2 \(http:\/\/127\.0\.0\.1:\d+\) after 1500 ms/,
      );
    });
  });

  describe('two independent anvils given as one network', () => {
    let other: RunningAnvil;
    let independent: ChainAdapter[];
    beforeAll(async () => {
      other = await startAnvil();
      independent = [network[0] as ChainAdapter, await createEvmAdapter({ url: other.url, signer })];
    });
    afterAll(async () => {
      await other?.stop();
    });

    it("fails LED-04: the second chain never holds the first one's new block", async () => {
      const result = await runOn('ledger-nodes-agree', independent, account);
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(/^the endpoints do not hold the same ledger: /);
      expect(result.summary).toMatch(
        /endpoint 2 \(http:\/\/127\.0\.0\.1:\d+\) is at height \d+, below block \d+ that holds the check's transaction on endpoint 1, after 1500 ms/,
      );
    });

    it('fails LED-14: transactions of the first chain are unknown to the second', async () => {
      const result = await runOn('ledger-tx-visible-on-all-nodes', independent, account);
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(/is not visible on endpoint 2/);
    });

    it('fails LED-04 on different blocks at the same height even when the second chain is not behind', async () => {
      // Give the second chain more blocks than the first, so every compared height exists on both.
      const direct = await createEvmAdapter({ url: other.url, signer });
      expect((await direct.rpc?.request('anvil_mine', ['0x40']))?.kind).toBe('result');
      const result = await runOn('ledger-nodes-agree', independent, account);
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(/field\(s\) differ; first at block \d+: endpoint 2 reports hash/);
    });
  });
});
