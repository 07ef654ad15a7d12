import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { ChainAdapter, Identity } from '#core/adapter/ChainAdapter.ts';
import type { FaultName } from '#fault-proxy/faultCatalogue.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { createCheckRunner } from '../support/createCheckRunner.ts';
import { runOnNetwork } from '../support/runOnNetwork.ts';

const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
const parameters = { receiptTimeoutMs: 5_000, crossNodeSyncMs: 1_500 };

/** A check over `network` with this file's parameters, `overrides` winning. */
const runOn = (
  checkId: string,
  network: readonly ChainAdapter[],
  account: Identity | undefined,
  overrides: Record<string, unknown> = {},
) => runOnNetwork(checkId, network, account, { ...parameters, ...overrides });

/**
 * History, finality and time on a real anvil (LED-05, LED-07, LED-08, CON-10), on two endpoints of the
 * one chain (two fault proxies): each passes clean and fails under each fault it names.
 */
describe('ledger history, finality and time checks on anvil', () => {
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
    // History worth sampling: 30 empty blocks after the funding.
    const direct = await createEvmAdapter({ url: anvil.url, signer });
    expect((await direct.rpc?.request('anvil_mine', ['0x1e']))?.kind).toBe('result');
  });
  afterEach(() => {
    first?.setFaults([]);
    second?.setFaults([]);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await anvil?.stop();
  });

  const runUnder = (fault: FaultName, checkId: string, overrides: Record<string, unknown> = {}) => {
    first.setFaults([fault]);
    second.setFaults([fault]);
    return runOn(checkId, network, account, overrides);
  };

  it.each([
    'ledger-history-complete',
    'ledger-finality-no-reorg',
    'ledger-timestamps-sane',
    'consensus-finality-latency',
  ])('%s passes on two endpoints of one anvil', async (checkId) => {
    const result = await runOn(checkId, network, account);
    expect(result.status, result.summary).toBe('pass');
  });

  describe('LED-05 ledger-history-complete', () => {
    it('reads genesis, the head and blocks in between on both endpoints', async () => {
      const result = await runOn('ledger-history-complete', network, account);
      const endpoints = result.evidence?.endpoints as { blocksRead: number }[];
      expect(endpoints).toHaveLength(2);
      for (const e of endpoints) expect(e.blocksRead).toBeGreaterThan(16);
    });

    it('fails when old blocks are gone (history-pruned)', async () => {
      const result = await runUnder('history-pruned', 'ledger-history-complete');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(/returns no block \d+ although it reports head \d+/);
    });
  });

  describe('LED-07 ledger-finality-no-reorg', () => {
    it('adds the blocks on top itself on an automining chain', async () => {
      const result = await runOn('ledger-finality-no-reorg', network, account);
      expect(result.summary).toMatch(
        /kept its hash with 3 block\(s\) built on it, on 2 endpoint\(s\) \(3 self-transfer\(s\) added the blocks\)$/,
      );
    });

    it('fails when the block holding the transaction is replaced after inclusion (reorg-after-inclusion)', async () => {
      const result = await runUnder('reorg-after-inclusion', 'ledger-finality-no-reorg');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(
        /block \d+ is now 0x[0-9a-f]{64}; it was 0x[0-9a-f]{64} when 0x[0-9a-f]{64} was recorded \(reorganised after 3 block\(s\)\)/,
      );
    });
  });

  describe('LED-08 ledger-timestamps-sane', () => {
    it('records the equal timestamps anvil gives blocks mined within one second, and fails on them when strictly increasing timestamps are required', async () => {
      const lenient = await runOn('ledger-timestamps-sane', network, account);
      expect(lenient.evidence?.equalTimestampPairs).toBeGreaterThan(0);
      expect(lenient.evidence?.timestampUnit).toBe('seconds');
      const strict = await runOn('ledger-timestamps-sane', network, account, {
        timestampsStrictlyIncreasing: true,
      });
      expect(strict.status, strict.summary).toBe('fail');
      expect(strict.summary).toMatch(
        /carries the same timestamp as its parent \(\d+\); timestampsStrictlyIncreasing requires a later one/,
      );
    });

    it('fails when blocks are stamped an hour ahead (timestamp-skewed)', async () => {
      const result = await runUnder('timestamp-skewed', 'ledger-timestamps-sane');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(
        /is stamped \S+, 3[56]\d\d s after its receipt was read \(harness clock\); the tolerance is 15000 ms/,
      );
    });

    it('fails when a block is stamped before its parent (timestamp-backwards)', async () => {
      const result = await runUnder('timestamp-backwards', 'ledger-timestamps-sane');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(/block \d+ is stamped \d+, earlier than its parent \d+ \(\d+\)/);
      expect(result.summary).not.toMatch(/tolerance/);
    });
  });

  describe('CON-10 consensus-finality-latency', () => {
    it('reports p50 and max of inclusion and finality', async () => {
      const result = await runOn('consensus-finality-latency', network, account);
      expect(result.actual).toMatchObject({
        inclusion: { samples: 3, p50Ms: expect.any(Number), maxMs: expect.any(Number) },
        finality: { samples: 3, p50Ms: expect.any(Number), maxMs: expect.any(Number) },
      });
    });

    it('fails when commits take 6 s, beyond the default 5 s bound (commit-delayed)', async () => {
      const result = await runUnder('commit-delayed', 'consensus-finality-latency');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(
        /^finality latency not within 5000 ms: self-transfer 1 \(0x[0-9a-f]{64}\) was not visible on any endpoint within 5000 ms/,
      );
    });
  });
});
