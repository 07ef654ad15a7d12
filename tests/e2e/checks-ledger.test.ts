import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { HashMismatch } from '#conformance/ledger/HashMismatch.ts';
import type { BlockView, ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { forgeHash } from '#fault-proxy/forgeHash.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { type CheckRunner, createCheckRunner } from '../support/createCheckRunner.ts';
import { type JsonRpcAnswer, startJsonRpcGateway } from '../support/startJsonRpcGateway.ts';

const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
const parameters = { receiptTimeoutMs: 5_000 };

function firstMismatches(result: CheckResult): HashMismatch[] {
  return (result.evidence?.firstMismatches ?? []) as HashMismatch[];
}

async function blockAt(adapter: ChainAdapter, number: bigint): Promise<BlockView> {
  const block = await adapter.ledger.getBlock(number);
  if (block === null) throw new Error(`anvil returned no block ${number}`);
  return block;
}

/** A gateway rewrite of eth_getBlockByNumber results only. */
const rewriteBlocks =
  (alter: (block: Record<string, unknown>) => Record<string, unknown>) =>
  (method: string, answer: JsonRpcAnswer): JsonRpcAnswer => {
    const block = answer.result;
    if (method !== 'eth_getBlockByNumber' || typeof block !== 'object' || block === null) return answer;
    return { ...answer, result: alter(block as Record<string, unknown>) };
  };

/** LED-01..03 on a real anvil: each passes on the clean chain and fails under its named fault. */
describe('ledger checks on anvil', () => {
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy;
  let direct: ChainAdapter;
  let onAnvil: CheckRunner;
  let viaProxy: CheckRunner;
  /** Blocks that hold the transfers made in beforeAll. */
  const txBlocks: bigint[] = [];

  beforeAll(async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url });
    direct = await createEvmAdapter({ url: anvil.url, signer, embedded: true });
    // A short history with transactions (automine: one block per transfer).
    const { identities, transactions } = direct;
    if (!identities || !transactions) throw new Error('the EVM adapter signs (tx.clientSign)');
    for (const recipient of identities.derive('checks-ledger', 3)) {
      const signed = await transactions.sign(
        { kind: 'transfer', to: recipient.address, amount: 10n ** 15n },
        identities.primary,
      );
      expect(await transactions.submit(signed)).toEqual({ accepted: true, txId: signed.txId });
      const outcome = await transactions.awaitOutcome(signed.txId, 5_000);
      expect(outcome?.status).toBe('success');
      if (outcome) txBlocks.push(outcome.blockNumber);
    }
    onAnvil = await createCheckRunner(direct, { parameters });
    viaProxy = await createCheckRunner(await createEvmAdapter({ url: proxy.url, signer }), { parameters });
  });
  afterEach(() => proxy?.setFaults([]));
  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
  });

  describe('LED-01 ledger-parent-hash-links', () => {
    it('passes on anvil, directly and through a transparent proxy', async () => {
      for (const runner of [onAnvil, viaProxy]) {
        const result = await runner.run('ledger-parent-hash-links');
        expect(result.status, result.summary).toBe('pass');
        expect(result.evidence?.mismatchCount).toBe(0);
        expect(result.evidence?.linksChecked).toBe(Number(await direct.ledger.getHeight()));
      }
    });

    it('fails when parent links are broken (broken-parent-link), naming the first break', async () => {
      proxy.setFaults(['broken-parent-link']);
      const result = await viaProxy.run('ledger-parent-hash-links');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^\d+ of \d+ parent links broken in blocks 0\.\.\d+; first at block 1: /,
      );
      // The sample starts at genesis on this short chain, so the first break is block 1.
      const genesis = await blockAt(direct, 0n);
      expect(firstMismatches(result)[0]).toEqual({
        blockNumber: '1',
        expected: genesis.hash,
        actual: forgeHash(genesis.hash),
      });
      expect(result.evidence?.mismatchCount).toBe(Number(await direct.ledger.getHeight()));
    });

    it('fails when block hashes are forged (forged-block-hash): every link breaks', async () => {
      proxy.setFaults(['forged-block-hash']);
      const result = await viaProxy.run('ledger-parent-hash-links');
      expect(result.status).toBe('fail');
      const block1 = await blockAt(direct, 1n);
      expect(firstMismatches(result)[0]).toEqual({
        blockNumber: '1',
        expected: forgeHash(block1.parentHash),
        actual: block1.parentHash,
      });
      expect(result.evidence?.mismatchCount).toBe(Number(await direct.ledger.getHeight()));
    });

    it('bounds the sample to ledgerSampleBlocks', async () => {
      const result = await onAnvil.run('ledger-parent-hash-links', { ledgerSampleBlocks: 2 });
      const height = await direct.ledger.getHeight();
      expect(result.evidence).toMatchObject({ sampledBlocks: `${height - 1n}..${height}`, linksChecked: 1 });
    });

    it('skips with reason precondition on a chain holding only genesis', async () => {
      const fresh = await startAnvil();
      try {
        // Nothing funded, so nothing mined: the chain keeps its genesis block only.
        const runner = await createCheckRunner(await createEvmAdapter({ url: fresh.url, signer }), {
          fundedTransactions: 0,
        });
        const result = await runner.run('ledger-parent-hash-links');
        expect(result).toMatchObject({
          status: 'skip',
          skipReason: 'precondition',
          summary: 'the chain holds only 1 block; a parent link needs at least 2',
        });
      } finally {
        await fresh.stop();
      }
    });
  });

  describe('LED-02 ledger-header-hash-recomputes', () => {
    it('passes on anvil through a transparent proxy', async () => {
      const result = await viaProxy.run('ledger-header-hash-recomputes');
      expect(result.status, result.summary).toBe('pass');
      expect(result.evidence).toMatchObject({
        blocksChecked: Number(await direct.ledger.getHeight()) + 1,
        hashFunction: 'secp256k1-keccak256',
        mismatchCount: 0,
      });
    });

    it('fails when block hashes are forged (forged-block-hash), with recomputed vs reported hash', async () => {
      proxy.setFaults(['forged-block-hash']);
      const result = await viaProxy.run('ledger-header-hash-recomputes');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/do not recompute from their headers; first at block 0: /);
      const genesis = await blockAt(direct, 0n);
      expect(firstMismatches(result)[0]).toEqual({
        blockNumber: '0',
        expected: genesis.hash,
        actual: forgeHash(genesis.hash),
      });
    });

    it('errors, not fails, when the node returns headers it cannot recompute (no mixHash)', async () => {
      const gateway = await startJsonRpcGateway({
        upstreamUrl: anvil.url,
        rewriteAnswer: rewriteBlocks(({ mixHash: _, ...block }) => block),
      });
      try {
        const runner = await createCheckRunner(await createEvmAdapter({ url: gateway.url, signer }), {
          fundedTransactions: 0,
        });
        const result = await runner.run('ledger-header-hash-recomputes');
        expect(result).toMatchObject({
          status: 'error',
          summary: `cannot recompute block hashes: the node's block 0 has no "mixHash" field to encode`,
          evidence: { block: '0' },
        });
      } finally {
        await gateway.close();
      }
    });
  });

  describe('LED-03 ledger-transactions-root-recomputes', () => {
    it('passes on anvil through a transparent proxy, covering the blocks with transfers', async () => {
      const result = await viaProxy.run('ledger-transactions-root-recomputes');
      expect(result.status, result.summary).toBe('pass');
      expect(result.evidence?.blocksWithTransactions).toEqual(expect.arrayContaining(txBlocks.map(String)));
      expect(result.evidence?.generatedTransaction).toBeUndefined();
    });

    it('makes a transaction when the sample holds none, and includes its block', async () => {
      const mined = await direct.rpc?.request('anvil_mine', ['0x3']);
      expect(mined?.kind).toBe('result');
      const height = await direct.ledger.getHeight();
      const result = await viaProxy.run('ledger-transactions-root-recomputes', { ledgerSampleBlocks: 2 });
      expect(result.status, result.summary).toBe('pass');
      const generated = result.evidence?.generatedTransaction as { txId: string; blockNumber: string };
      expect(BigInt(generated.blockNumber)).toBeGreaterThan(height);
      expect(result.evidence?.blocksWithTransactions).toEqual([generated.blockNumber]);
    });

    it('fails when the transactions root is rewritten (wrong-transactions-root), naming the blocks', async () => {
      proxy.setFaults(['wrong-transactions-root']);
      const result = await viaProxy.run('ledger-transactions-root-recomputes');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/do not rebuild from the block's transactions/);
      const listed = firstMismatches(result);
      expect(listed.map((m) => m.blockNumber)).toEqual(expect.arrayContaining(txBlocks.map(String)));
      const block = await blockAt(direct, txBlocks[0] ?? 1n);
      expect(listed.find((m) => m.blockNumber === String(block.number))).toEqual({
        blockNumber: String(block.number),
        expected: block.txRoot,
        actual: forgeHash(block.txRoot),
      });
    });

    it('errors, not fails, when the node returns only transaction hashes, so no root can be rebuilt', async () => {
      const gateway = await startJsonRpcGateway({
        upstreamUrl: anvil.url,
        rewriteAnswer: rewriteBlocks((block) => ({
          ...block,
          transactions: (block.transactions as (string | { hash: string })[]).map((tx) =>
            typeof tx === 'string' ? tx : tx.hash,
          ),
        })),
      });
      try {
        const runner = await createCheckRunner(await createEvmAdapter({ url: gateway.url, signer }), {
          fundedTransactions: 0,
        });
        const result = await runner.run('ledger-transactions-root-recomputes');
        expect(result.status, result.summary).toBe('error');
        expect(result.summary).toMatch(
          /^cannot rebuild transactions roots: the node returned only transaction hashes for block \d+, so its root cannot be rebuilt$/,
        );
      } finally {
        await gateway.close();
      }
    });
  });
});
