import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { NotAChainEndpointError, TargetError, TargetUnreachableError } from '#core/errors/TargetError.ts';

describe('EVM adapter on a real anvil', () => {
  let anvil: RunningAnvil;
  let adapter: ChainAdapter;

  beforeAll(async () => {
    anvil = await startAnvil();
    adapter = await createEvmAdapter({ url: anvil.url, privateKey: anvilDevPrivateKey, embedded: true });
  });
  afterAll(async () => {
    await anvil?.stop();
  });

  it('fingerprints the target', () => {
    expect(adapter.info.chainId).toBe(31337);
    expect(adapter.info.clientVersion).toMatch(/anvil/i);
    expect(adapter.info.genesisHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(adapter.capabilities.has('control.mining')).toBe(true);
  });

  it('recomputes header hashes and transaction roots of blocks holding EIP-1559 transactions, one and several per block', async () => {
    const txs = adapter.transactions!;
    const [a, b] = txs.deriveAccounts(2, 'adapter-test');
    const signed = await txs.signTransfer({ from: txs.primary, to: a!.address, valueWei: 10n ** 18n });
    const sent = await txs.submit(signed.raw);
    expect(sent).toEqual({ accepted: true, txId: signed.txId });
    const receipt = await txs.waitForReceipt(signed.txId, 5_000);
    expect(receipt?.status).toBe('success');
    // A second block with two transactions from one sender under interval mining.
    await adapter.control!.setIntervalMining(1);
    const n = await txs.getNonce(txs.primary.address);
    const t1 = await txs.signTransfer({ from: txs.primary, to: b!.address, valueWei: 1n, nonce: n });
    const t2 = await txs.signTransfer({ from: txs.primary, to: b!.address, valueWei: 2n, nonce: n + 1n });
    await txs.submit(t1.raw);
    await txs.submit(t2.raw);
    const r2 = await txs.waitForReceipt(t2.txId, 5_000);
    await adapter.control!.setAutomine();
    const block = await adapter.ledger.getBlock(r2!.blockNumber);
    expect(block!.txIds).toContain(t1.txId);
    expect(block!.txIds.length).toBeGreaterThanOrEqual(2);
    for (let k = 0n; k <= r2!.blockNumber; k++) {
      const blk = (await adapter.ledger.getBlock(k))!;
      expect(adapter.verifier!.recomputeBlockHash(blk)).toBe(blk.hash);
      expect(await adapter.verifier!.recomputeTxRoot(blk)).toBe(blk.txRoot);
    }
  });

  it('reports a tampered transaction as rejected, not as an exception', async () => {
    const txs = adapter.transactions!;
    const signed = await txs.signTransfer({ from: txs.primary, to: txs.primary.address, valueWei: 1n });
    const outcome = await txs.submit(txs.tamper(signed.raw));
    expect(outcome.accepted).toBe(false);
  });
});

describe('EVM adapter on bad endpoints', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"jsonrpc":"2.0","id":1,"result":"${'a'.repeat(200_000)}"}`);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>hello</html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('says nothing answered at a closed port', async () => {
    const failure = createEvmAdapter({ url: 'http://127.0.0.1:1', privateKey: anvilDevPrivateKey });
    await expect(failure).rejects.toBeInstanceOf(TargetUnreachableError);
    await expect(failure).rejects.toThrow(/nothing answered at http:\/\/127\.0\.0\.1:1/);
  });

  it('says a plain web server is not an EVM JSON-RPC endpoint', async () => {
    const failure = createEvmAdapter({ url, privateKey: anvilDevPrivateKey });
    await expect(failure).rejects.toBeInstanceOf(NotAChainEndpointError);
    await expect(failure).rejects.toThrow(/not an EVM JSON-RPC endpoint/);
  });

  it('refuses a response larger than the bound', async () => {
    const failure = createEvmAdapter({
      url: `${url}/huge`,
      privateKey: anvilDevPrivateKey,
      maxResponseBytes: 100_000,
    });
    await expect(failure).rejects.toBeInstanceOf(TargetError);
    await expect(failure).rejects.toThrow(/exceeded 100000 bytes/);
  });
});
