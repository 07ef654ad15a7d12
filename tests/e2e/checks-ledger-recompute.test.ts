import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import type { FaultName } from '#fault-proxy/faultCatalogue.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { type CheckRunner, createCheckRunner } from '../support/createCheckRunner.ts';
import { startJsonRpcGateway } from '../support/startJsonRpcGateway.ts';

const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
const parameters = { receiptTimeoutMs: 5_000 };

const checkIds = [
  'ledger-state-proof-verifies',
  'ledger-growth-rate',
  'ledger-lookups-agree',
  'ledger-receipts-root-recomputes',
  'ledger-logs-bloom-recomputes',
  'ledger-gas-used-consistent',
] as const;

/**
 * The ledger checks that recompute or cross-check what a node serves (LED-06, LED-09..13) on a real
 * anvil: each passes through a transparent proxy and fails under each fault it names.
 */
describe('ledger recomputation checks on anvil', () => {
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy;
  let viaProxy: CheckRunner;

  beforeAll(async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url });
    viaProxy = await createCheckRunner(await createEvmAdapter({ url: proxy.url, signer }), { parameters });
  });
  afterEach(() => proxy?.setFaults([]));
  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
  });

  const runUnder = (fault: FaultName, checkId: (typeof checkIds)[number]): Promise<CheckResult> => {
    proxy.setFaults([fault]);
    return viaProxy.run(checkId);
  };

  it.each(checkIds)('%s passes on anvil', async (checkId) => {
    const result = await viaProxy.run(checkId);
    expect(result.status, result.summary).toBe('pass');
    expect(result.evidence?.calls).toEqual(
      expect.arrayContaining([expect.objectContaining({ method: expect.any(String) })]),
    );
  });

  describe('LED-06 ledger-state-proof-verifies', () => {
    it('verifies the account and the storage slot the check wrote', async () => {
      const result = await viaProxy.run('ledger-state-proof-verifies');
      expect(result.summary).toMatch(
        /^eth_getProof at block \d+ proves the step account \(nonce \d+\) and probe slot 0 \(= \d+\) against stateRoot 0x[0-9a-f]{64}/,
      );
      const facts = result.evidence?.probeSlot0 as { slot0Proven: string };
      expect(facts.slot0Proven).toBe(result.evidence?.storedValue);
    });

    it('fails when the reported balance is not the proven one (state-proof-forged)', async () => {
      const result = await runUnder('state-proof-forged', 'ledger-state-proof-verifies');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(/balance: the proof proves \d+, the eth_getProof answer reports \d+/);
    });

    it.each([
      [-32601, 'Method not found'],
      [-32004, 'Method eth_getProof is not supported'],
    ])('is skipped, not failed, when the node answers eth_getProof with %i', async (code, message) => {
      const gateway = await startJsonRpcGateway({
        upstreamUrl: anvil.url,
        deniedMethods: (method) => method === 'eth_getProof',
        denial: () => ({ code, message }),
      });
      try {
        const runner = await createCheckRunner(await createEvmAdapter({ url: gateway.url, signer }), {
          parameters,
        });
        const result = await runner.run('ledger-state-proof-verifies');
        expect(result.status, result.summary).toBe('skip');
        expect(result.skipReason).toBe('precondition');
        expect(result.summary).toBe(
          `the node does not serve eth_getProof (EIP-1186): it answered ${code} "${message}"; state cannot be verified against the state root through this endpoint`,
        );
      } finally {
        await gateway.close();
      }
    });
  });

  describe('LED-09 ledger-growth-rate', () => {
    it('reports bytes per transaction and notes that anvil leaves the withdrawals list out of size', async () => {
      const result = await viaProxy.run('ledger-growth-rate');
      expect(result.summary).toMatch(/^the ledger grows \d+ bytes per transaction \(bound 8192\)/);
      const deviations = result.evidence?.sizeDeviations as { size: number; rebuilt: number }[];
      expect(deviations.length).toBeGreaterThan(0);
      for (const d of deviations) expect(d.rebuilt - d.size).toBe(1);
    });

    it('fails when blocks report 64 times their size (block-size-inflated)', async () => {
      const result = await runUnder('block-size-inflated', 'ledger-growth-rate');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(
        /^ledger growth not within bounds or misreported: the blocks holding transactions take \d+ bytes per transaction, above ledgerBytesPerTxMax 8192; block \d+ reports size \d+ bytes; its RLP encoding rebuilt by the harness is \d+ bytes/,
      );
    });
  });

  describe('LED-10 ledger-lookups-agree', () => {
    it('fails when lookups by index answer the next transaction (tx-by-index-off-by-one)', async () => {
      const result = await runUnder('tx-by-index-off-by-one', 'ledger-lookups-agree');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(
        /eth_getTransactionByBlockNumberAndIndex\(0x[0-9a-f]+, 0x0\) returns null; the block lists 0x[0-9a-f]{64} at index 0/,
      );
    });

    it('fails when transaction counts are one too high (block-tx-count-wrong)', async () => {
      const result = await runUnder('block-tx-count-wrong', 'ledger-lookups-agree');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(
        /eth_getBlockTransactionCountByNumber answers 2; the block lists 1 transaction\(s\)/,
      );
    });
  });

  describe('LED-11 ledger-receipts-root-recomputes', () => {
    it('covers the blocks of its own successful call with a log and its failed call', async () => {
      const result = await viaProxy.run('ledger-receipts-root-recomputes');
      const own = result.evidence?.ownTransactions as { label: string; status: string; logs: number }[];
      expect(own).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ label: 'store', status: '0x1', logs: 1 }),
          expect.objectContaining({ label: 'store-reverting', status: '0x0', logs: 0 }),
        ]),
      );
    });

    it('fails when blocks with transactions carry another receipts root (wrong-receipts-root)', async () => {
      const result = await runUnder('wrong-receipts-root', 'ledger-receipts-root-recomputes');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(
        /^\d+ receipts root\(s\) do not rebuild; first at block \d+: reported 0x[0-9a-f]{64}, receipts give 0x[0-9a-f]{64}/,
      );
    });
  });

  it('LED-12 fails when receipts with logs carry an empty bloom (wrong-logs-bloom)', async () => {
    const result = await runUnder('wrong-logs-bloom', 'ledger-logs-bloom-recomputes');
    expect(result.status, result.summary).toBe('fail');
    expect(result.summary).toMatch(
      /carries logsBloom 0x00000000… \(0 bits set\); its logs give 0x[0-9a-f]{8}… \([1-9] bits set\)/,
    );
  });

  it('LED-13 fails when blocks report 21000 more gas than their receipts (gas-used-misreported)', async () => {
    const result = await runUnder('gas-used-misreported', 'ledger-gas-used-consistent');
    expect(result.status, result.summary).toBe('fail');
    expect(result.summary).toMatch(
      /block \d+ reports gasUsed (\d+); its receipts give cumulative \d+ and a sum of \d+/,
    );
  });
});
