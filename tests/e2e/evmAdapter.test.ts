import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recoverTransactionAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { loadProbeArtifact } from '#conformance/contracts/loadProbeArtifact.ts';
import type {
  AccountsApi,
  ChainAdapter,
  EvmApi,
  IdentitiesApi,
  Identity,
  TransactionsApi,
} from '#core/adapter/ChainAdapter.ts';
import {
  NotAChainEndpointError,
  RpcCallError,
  TargetError,
  TargetUnreachableError,
} from '#core/errors/TargetError.ts';

const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
const operator = privateKeyToAccount(anvilDevPrivateKey).address.toLowerCase();

/** The optional parts the EVM adapter always has; a missing one fails here, not as a TypeError later. */
function partsOf(adapter: ChainAdapter): {
  identities: IdentitiesApi;
  transactions: TransactionsApi;
  accounts: AccountsApi;
  evm: EvmApi;
} {
  const { identities, transactions, accounts, evm } = adapter;
  if (!identities || !transactions || !accounts || !evm)
    throw new Error('the EVM adapter lacks a signing part');
  return { identities, transactions, accounts, evm };
}

describe('EVM adapter on a real anvil', () => {
  let anvil: RunningAnvil;
  let adapter: ChainAdapter;
  let identities: IdentitiesApi;
  let transactions: TransactionsApi;
  let accounts: AccountsApi;
  let evm: EvmApi;
  /** Derived and funded once, so tests do not spend the operator's nonce against each other. */
  let sender: Identity;

  beforeAll(async () => {
    anvil = await startAnvil();
    adapter = await createEvmAdapter({ url: anvil.url, signer, embedded: true });
    ({ identities, transactions, accounts, evm } = partsOf(adapter));
    [sender] = identities.derive('evm-adapter-test/sender', 1) as [Identity];
    const funding = await transactions.sign(
      { kind: 'transfer', to: sender.address, amount: 10n ** 18n },
      identities.primary,
    );
    await transactions.submit(funding);
    expect((await transactions.awaitOutcome(funding.txId, 5_000))?.status).toBe('success');
  });
  afterAll(async () => {
    await anvil?.stop();
  });

  it('fingerprints the target in chain-neutral terms', () => {
    expect(adapter.info).toEqual({
      family: 'evm',
      endpoint: anvil.url,
      chainId: '31337',
      clientVersion: expect.stringMatching(/anvil/i),
      genesisHash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      cryptoSuite: 'secp256k1-keccak256',
      embedded: true,
    });
    expect(adapter.capabilities.has('control.mining')).toBe(true);
    expect(adapter.control).toBeDefined();
  });

  it('controls mining only on a chain it started (embedded)', async () => {
    const external = await createEvmAdapter({ url: anvil.url, signer });
    expect(external.info.embedded).toBe(false);
    expect(external.capabilities.has('control.mining')).toBe(false);
    expect(external.control).toBeUndefined();
  });

  it('holds the operator key as the primary identity and derives deterministic throw-away identities', () => {
    expect(identities.primary).toEqual({ address: operator, sigAlg: 'secp256k1' });
    const three = identities.derive('seed-a', 3);
    expect(three).toHaveLength(3);
    expect(new Set(three.map((i) => i.address)).size).toBe(3);
    for (const identity of three) {
      expect(identity.address).toMatch(/^0x[0-9a-f]{40}$/);
      expect(identity.address).not.toBe(operator);
    }
    expect(identities.derive('seed-a', 3)).toEqual(three);
    expect(identities.derive('seed-b', 1)[0]).not.toEqual(three[0]);
  });

  it('signs a transfer intent, submits it and reads its outcome, balances and nonce', async () => {
    const [recipient] = identities.derive('evm-adapter-test/recipient', 1) as [Identity];
    const nonceBefore = await accounts.getNonce(sender.address);
    const signed = await transactions.sign(
      { kind: 'transfer', to: recipient.address, amount: 12_345n },
      sender,
    );
    expect(signed).toMatchObject({
      from: sender.address,
      nonce: nonceBefore,
      txId: expect.stringMatching(/^0x[0-9a-f]{64}$/),
    });
    expect(await transactions.submit(signed)).toEqual({ accepted: true, txId: signed.txId });
    const outcome = await transactions.awaitOutcome(signed.txId, 5_000);
    expect(outcome).toMatchObject({
      txId: signed.txId,
      status: 'success',
      from: sender.address,
      to: recipient.address,
      contractAddress: null,
      events: [],
    });
    expect(outcome?.cost?.used).toBe(21_000n);
    expect(outcome?.cost?.total).toBe((outcome?.cost?.used ?? 0n) * (outcome?.cost?.unitPrice ?? 0n));
    expect(await transactions.getOutcome(signed.txId)).toEqual(outcome);
    expect(await accounts.getBalance(recipient.address)).toBe(12_345n);
    expect(await accounts.getNonce(sender.address, 'latest')).toBe(nonceBefore + 1n);
  });

  it('deploys and invokes a contract from intents, and reads its storage and code', async () => {
    const artifact = loadProbeArtifact();
    const deploy = await transactions.sign(
      { kind: 'deploy', artifact: { runtime: 'evm', code: artifact.bytecode, abi: artifact.abi } },
      sender,
    );
    await transactions.submit(deploy);
    const deployed = await transactions.awaitOutcome(deploy.txId, 5_000);
    expect(deployed).toMatchObject({
      status: 'success',
      to: null,
      contractAddress: expect.stringMatching(/^0x[0-9a-f]{40}$/),
    });
    const probe = deployed?.contractAddress ?? '';
    expect(await evm.getCode(probe)).toBe(artifact.deployedBytecode);
    expect(BigInt(await evm.getStorageAt(probe, '0x0'))).toBe(0n);

    // writeThenRevert with fixed gas: sent although it will fail, recorded as reverted without events.
    const call = await transactions.sign(
      { kind: 'invoke', contract: probe, abi: artifact.abi, method: 'writeThenRevert', args: [7n] },
      sender,
      { gasLimit: 200_000n },
    );
    expect(await transactions.submit(call)).toEqual({ accepted: true, txId: call.txId });
    expect(await transactions.awaitOutcome(call.txId, 5_000)).toMatchObject({
      status: 'reverted',
      to: probe,
      events: [],
      cost: { used: expect.any(BigInt) },
    });
    expect(BigInt(await evm.getStorageAt(probe, '0x0'))).toBe(0n);
  });

  it('recomputes header hashes and transaction roots of blocks holding EIP-1559 transactions, one and several per block', async () => {
    const control = adapter.control;
    if (!control) throw new Error('embedded adapter has control');
    const [to] = identities.derive('evm-adapter-test/roots', 1) as [Identity];
    // A block with two transactions from one sender under interval mining.
    await control.setIntervalMining(1);
    let last: string;
    try {
      const nonce = await accounts.getNonce(sender.address);
      const t1 = await transactions.sign({ kind: 'transfer', to: to.address, amount: 1n }, sender, { nonce });
      const t2 = await transactions.sign({ kind: 'transfer', to: to.address, amount: 2n }, sender, {
        nonce: nonce + 1n,
      });
      await transactions.submit(t1);
      await transactions.submit(t2);
      last = t2.txId;
      const r2 = await transactions.awaitOutcome(t2.txId, 5_000);
      const block = await adapter.ledger.getBlock(r2?.blockNumber ?? -1n);
      expect(block?.txIds).toEqual(expect.arrayContaining([t1.txId, t2.txId]));
    } finally {
      await control.setAutomine();
    }
    const head = (await transactions.getOutcome(last))?.blockNumber ?? 0n;
    const verifier = adapter.verifier;
    if (!verifier) throw new Error('the EVM adapter verifies blocks');
    for (let n = 0n; n <= head; n++) {
      const block = await adapter.ledger.getBlock(n);
      if (!block) throw new Error(`no block ${n}`);
      expect(verifier.recomputeBlockHash(block)).toEqual({ kind: 'computed', value: block.hash });
      expect(await verifier.recomputeTxRoot(block)).toEqual({ kind: 'computed', value: block.txRoot });
    }
  });

  it('says a recomputation is unavailable, with the reason, instead of returning a wrong value', async () => {
    const head = await adapter.ledger.getBlock(await adapter.ledger.getHeight());
    if (!head) throw new Error('no head block');
    const { mixHash: _, ...withoutMixHash } = head.raw;
    expect(adapter.verifier?.recomputeBlockHash({ ...head, raw: withoutMixHash })).toEqual({
      kind: 'unavailable',
      reason: `the node's block ${head.number} has no "mixHash" field to encode`,
    });
    const hashesOnly = { ...head.raw, transactions: head.txIds };
    expect(await adapter.verifier?.recomputeTxRoot({ ...head, raw: hashesOnly })).toMatchObject({
      kind: 'unavailable',
    });
  });

  it('alters a signed transaction and reports the sender its signature now recovers to', async () => {
    const signed = await transactions.sign({ kind: 'transfer', to: sender.address, amount: 1n }, sender);
    const tampered = await transactions.tamper(signed);
    expect(tampered.raw).not.toBe(signed.raw);
    const recovered = (
      await recoverTransactionAddress({ serializedTransaction: tampered.raw as never })
    ).toLowerCase();
    expect(tampered.from).toBe(recovered);
    expect(tampered.from).not.toBe(sender.address);
    // The recovered address holds nothing: a refusal, reported as an outcome, not an exception.
    const answer = await transactions.submit(tampered);
    expect(answer).toMatchObject({ accepted: false, error: { code: expect.any(Number) } });
  });

  it('forges a signature no key can make (r = 0), which anvil refuses', async () => {
    const signed = await transactions.sign({ kind: 'transfer', to: sender.address, amount: 1n }, sender);
    const forged = await transactions.forgeSignature(signed);
    expect(forged.from).toBe('unrecoverable');
    await expect(recoverTransactionAddress({ serializedTransaction: forged.raw as never })).rejects.toThrow();
    expect(await transactions.submit(forged)).toEqual({
      accepted: false,
      error: { code: -32602, message: 'Failed to recover the signer' },
    });
  });

  it('signs for another chain id on request, which anvil refuses', async () => {
    const foreign = await transactions.sign({ kind: 'transfer', to: sender.address, amount: 1n }, sender, {
      chainId: '31338',
    });
    expect(await transactions.submit(foreign)).toMatchObject({
      accepted: false,
      error: { code: expect.any(Number) },
    });
  });

  it('answers null for an outcome that does not exist, and stops waiting at the timeout', async () => {
    const unknown = `0x${'ab'.repeat(32)}`;
    expect(await transactions.getOutcome(unknown)).toBeNull();
    expect(await transactions.awaitOutcome(unknown, 200)).toBeNull();
  });

  it('prices a budget: the value it moves plus fees at the current price', async () => {
    const fees = await accounts.quote([{ kind: 'transfer', count: 1 }]);
    expect(fees).toBeGreaterThan(0n);
    expect(await accounts.quote([{ kind: 'transfer', count: 1, value: 5n }])).toBe(fees + 5n);
    expect(await accounts.quote([{ kind: 'transfer', count: 3 }])).toBe(fees * 3n);
    expect(await accounts.quote([{ kind: 'deploy', count: 1 }])).toBeGreaterThan(fees);
  });

  it('hands raw JSON-RPC outcomes to interface checks, and throws RpcCallError with fields for a refused read', async () => {
    const rpc = adapter.rpc;
    if (!rpc) throw new Error('the EVM adapter exposes raw JSON-RPC');
    expect(await rpc.request('eth_chainId', [])).toEqual({
      kind: 'result',
      result: '0x7a69',
      httpStatus: 200,
    });
    expect(await rpc.request('chaineval_noSuchMethod', [])).toMatchObject({
      kind: 'error',
      error: { code: -32601 },
      httpStatus: 200,
    });
    const refused = evm.getCode('0x1234');
    await expect(refused).rejects.toBeInstanceOf(RpcCallError);
    await expect(refused).rejects.toMatchObject({ method: 'eth_getCode', code: -32602, endpoint: anvil.url });
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
    const failure = createEvmAdapter({ url: 'http://127.0.0.1:1', signer });
    await expect(failure).rejects.toBeInstanceOf(TargetUnreachableError);
    await expect(failure).rejects.toThrow(/nothing answered at http:\/\/127\.0\.0\.1:1/);
  });

  it('says a plain web server is not a JSON-RPC endpoint', async () => {
    const failure = createEvmAdapter({ url, signer });
    await expect(failure).rejects.toBeInstanceOf(NotAChainEndpointError);
    await expect(failure).rejects.toThrow(
      `${url} is not a JSON-RPC endpoint: it answered HTTP 200 with a body that is not JSON`,
    );
  });

  it('refuses a response larger than the bound', async () => {
    const failure = createEvmAdapter({ url: `${url}/huge`, signer, maxResponseBytes: 100_000 });
    await expect(failure).rejects.toBeInstanceOf(TargetError);
    await expect(failure).rejects.toThrow(/exceeded 100000 bytes/);
  });
});
