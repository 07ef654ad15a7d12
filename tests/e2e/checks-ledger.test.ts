import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { HashMismatch } from '#conformance/ledger/HashMismatch.ts';
import { ledgerHeaderHashRecomputes } from '#conformance/ledger/ledgerHeaderHashRecomputes.ts';
import { ledgerParentHashLinks } from '#conformance/ledger/ledgerParentHashLinks.ts';
import { ledgerTransactionsRootRecomputes } from '#conformance/ledger/ledgerTransactionsRootRecomputes.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import {
  type ProfileParametersInput,
  ProfileParametersSchema,
} from '#core/profile/ProfileParametersSchema.ts';
import { runCheck } from '#core/run/runCheck.ts';
import { forgeHash } from '#fault-proxy/forgeHash.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';

const run = (check: CheckDefinition, adapter: ChainAdapter, params: ProfileParametersInput = {}) =>
  runCheck(check, {
    adapter,
    params: ProfileParametersSchema.parse({ receiptTimeoutMs: 5_000, ...params }),
    progress: () => {},
  });

function firstMismatches(result: CheckResult): HashMismatch[] {
  return (result.evidence?.firstMismatches ?? []) as HashMismatch[];
}

/** LED-01..03 on a real anvil: each passes on the clean chain and fails under its named fault. */
describe('ledger checks on anvil', () => {
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy;
  let direct: ChainAdapter;
  let proxied: ChainAdapter;
  /** Blocks that hold the transfers made in beforeAll. */
  const txBlocks: bigint[] = [];

  beforeAll(async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url });
    direct = await createEvmAdapter({ url: anvil.url, privateKey: anvilDevPrivateKey, embedded: true });
    proxied = await createEvmAdapter({ url: proxy.url, privateKey: anvilDevPrivateKey });
    // A short history with transactions (automine: one block per transfer).
    const txs = direct.transactions!;
    const recipients = txs.deriveAccounts(3, 'checks-ledger');
    for (const recipient of recipients) {
      const signed = await txs.signTransfer({
        from: txs.primary,
        to: recipient.address,
        valueWei: 10n ** 15n,
      });
      expect((await txs.submit(signed.raw)).accepted).toBe(true);
      const receipt = await txs.waitForReceipt(signed.txId, 5_000);
      expect(receipt?.status).toBe('success');
      txBlocks.push(receipt!.blockNumber);
    }
  });
  afterEach(() => proxy?.setFaults([]));
  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
  });

  describe('LED-01 ledger-parent-hash-links', () => {
    it('passes on anvil, directly and through a transparent proxy', async () => {
      for (const adapter of [direct, proxied]) {
        const result = await run(ledgerParentHashLinks, adapter);
        expect(result.status, result.summary).toBe('pass');
        expect(result.evidence?.mismatchCount).toBe(0);
        expect(result.evidence?.linksChecked).toBe(Number(await direct.ledger.getHeight()));
      }
    });

    it('fails when parent links are broken (broken-parent-link), naming the first break', async () => {
      proxy.setFaults(['broken-parent-link']);
      const result = await run(ledgerParentHashLinks, proxied);
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/parent links broken/);
      const [first] = firstMismatches(result);
      // The sample starts at genesis on this short chain, so the first break is block 1.
      const genesis = (await direct.ledger.getBlock(0n))!;
      expect(first).toEqual({ blockNumber: '1', expected: genesis.hash, actual: forgeHash(genesis.hash) });
      expect(result.evidence?.mismatchCount).toBe(Number(await direct.ledger.getHeight()));
    });

    it('fails when block hashes are forged (forged-block-hash): every link breaks', async () => {
      proxy.setFaults(['forged-block-hash']);
      const result = await run(ledgerParentHashLinks, proxied);
      expect(result.status).toBe('fail');
      const block1 = (await direct.ledger.getBlock(1n))!;
      expect(firstMismatches(result)[0]).toEqual({
        blockNumber: '1',
        expected: forgeHash(block1.parentHash),
        actual: block1.parentHash,
      });
    });

    it('bounds the sample to ledgerSampleBlocks', async () => {
      const height = await direct.ledger.getHeight();
      const result = await run(ledgerParentHashLinks, direct, { ledgerSampleBlocks: 2 });
      expect(result.evidence).toMatchObject({ sampledBlocks: `${height - 1n}..${height}`, linksChecked: 1 });
    });

    it('skips with reason precondition on a chain holding only genesis', async () => {
      const fresh = await startAnvil();
      try {
        const adapter = await createEvmAdapter({ url: fresh.url, privateKey: anvilDevPrivateKey });
        const result = await run(ledgerParentHashLinks, adapter);
        expect(result).toMatchObject({ status: 'skip', skipReason: 'precondition' });
        expect(result.summary).toMatch(/holds 1 block/);
      } finally {
        await fresh.stop();
      }
    });
  });

  describe('LED-02 ledger-header-hash-recomputes', () => {
    it('passes on anvil through a transparent proxy', async () => {
      const result = await run(ledgerHeaderHashRecomputes, proxied);
      expect(result.status, result.summary).toBe('pass');
      expect(result.evidence?.blocksChecked).toBe(Number(await direct.ledger.getHeight()) + 1);
    });

    it('fails when block hashes are forged (forged-block-hash), with recomputed vs reported hash', async () => {
      proxy.setFaults(['forged-block-hash']);
      const result = await run(ledgerHeaderHashRecomputes, proxied);
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/do not recompute from their headers/);
      const genesis = (await direct.ledger.getBlock(0n))!;
      expect(firstMismatches(result)[0]).toEqual({
        blockNumber: '0',
        expected: genesis.hash,
        actual: forgeHash(genesis.hash),
      });
    });
  });

  describe('LED-03 ledger-transactions-root-recomputes', () => {
    it('passes on anvil through a transparent proxy, covering the blocks with transfers', async () => {
      const result = await run(ledgerTransactionsRootRecomputes, proxied);
      expect(result.status, result.summary).toBe('pass');
      expect(result.evidence?.blocksWithTransactions).toEqual(expect.arrayContaining(txBlocks.map(String)));
      expect(result.evidence?.generatedTransaction).toBeUndefined();
    });

    it('makes a transaction when the sample holds none, and includes its block', async () => {
      await direct.rpc!.request('anvil_mine', ['0x3']);
      const height = await direct.ledger.getHeight();
      const result = await run(ledgerTransactionsRootRecomputes, proxied, { ledgerSampleBlocks: 2 });
      expect(result.status, result.summary).toBe('pass');
      const generated = result.evidence?.generatedTransaction as { txId: string; blockNumber: string };
      expect(BigInt(generated.blockNumber)).toBeGreaterThan(height);
      expect(result.evidence?.blocksWithTransactions).toEqual([generated.blockNumber]);
    });

    it('fails when the transactions root is rewritten (wrong-transactions-root), naming the blocks', async () => {
      proxy.setFaults(['wrong-transactions-root']);
      const result = await run(ledgerTransactionsRootRecomputes, proxied);
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/do not rebuild from the block's transactions/);
      const listed = firstMismatches(result);
      expect(listed.map((m) => m.blockNumber)).toEqual(expect.arrayContaining(txBlocks.map(String)));
      const block = (await direct.ledger.getBlock(txBlocks[0]!))!;
      expect(listed.find((m) => m.blockNumber === String(block.number))).toEqual({
        blockNumber: String(block.number),
        expected: block.txRoot,
        actual: forgeHash(block.txRoot),
      });
    });
  });
});
