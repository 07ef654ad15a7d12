/**
 * Records how real dev nodes answer the JSON-RPC requests chaineval's checks rely on: anvil, Hardhat
 * and ganache, each started fresh. Documentation of real behaviour, not a test: it asserts nothing
 * and prints one JSON document, keyed by node, then by probe.
 *
 *   npx tsx tests/support/probeRealNodes.ts [anvil|hardhat|ganache ...]
 *
 * An answer is the parsed response body; `http` and `contentType` are added when the status is not
 * 200, and a body that is not JSON is kept as text.
 */
import { type Hex, keccak256 } from 'viem';
import { generatePrivateKey, type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts';
import { anvilDevPrivateKey, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { RunningNode } from './RunningNode.ts';
import { startGanache } from './startGanache.ts';
import { startHardhat } from './startHardhat.ts';

interface Answer {
  readonly http?: number;
  readonly contentType?: string | null;
  readonly body: unknown;
}

/** Methods a hardened endpoint should not serve to anyone; probed with a wrong-typed argument. */
const namespaceProbeMethods = [
  'admin_nodeInfo',
  'admin_peers',
  'personal_listAccounts',
  'personal_unlockAccount',
  'debug_traceTransaction',
  'miner_setExtra',
  'anvil_setBalance',
  'hardhat_setBalance',
  'evm_setAccountBalance',
  'eth_sign',
  'eth_sendTransaction',
  'eth_accounts',
  'eth_signTransaction',
  'personal_sign',
] as const;

/** Init code returning the runtime code 0x60006000fd (PUSH1 0 PUSH1 0 REVERT): every call reverts. */
const alwaysRevertInitCode: Hex = '0x6460006000fd6000526005601bf3';

const emptyTrieRoot = '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421';
const keccakOfEmpty = keccak256('0x');

async function post(url: string, body: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  if (response.status === 200) return { body: parsed };
  return { http: response.status, contentType: response.headers.get('content-type'), body: parsed };
}

function call(url: string, method: string, params: unknown[]): Promise<Answer> {
  return post(url, JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }));
}

/** The `result` of a call that must succeed for the probe to go on. */
async function result<T>(url: string, method: string, params: unknown[]): Promise<T> {
  const answer = await call(url, method, params);
  const body = answer.body as { result?: T; error?: unknown };
  if (answer.http !== undefined || !('result' in body))
    throw new Error(`${method} failed: ${JSON.stringify(answer)}`);
  return body.result as T;
}

async function balanceOf(url: string, address: Hex): Promise<bigint> {
  return BigInt(await result<Hex>(url, 'eth_getBalance', [address, 'latest']));
}

async function waitForReceipt(
  url: string,
  hash: Hex,
  timeoutMs = 5_000,
): Promise<{ status: Hex; blockNumber: Hex; contractAddress: Hex | null } | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const receipt = await result<{ status: Hex; blockNumber: Hex; contractAddress: Hex | null } | null>(
      url,
      'eth_getTransactionReceipt',
      [hash],
    );
    if (receipt !== null || Date.now() > deadline) return receipt;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Signs an EIP-1559 transaction with the node's current fees: max fee 2 × base fee + the node's tip. */
async function signTx(
  url: string,
  chainId: number,
  account: PrivateKeyAccount,
  tx: { to?: Hex; value?: bigint; data?: Hex; gas: bigint; nonce?: number },
): Promise<Hex> {
  const latest = await result<{ baseFeePerGas: Hex }>(url, 'eth_getBlockByNumber', ['latest', false]);
  const tip = BigInt(await result<Hex>(url, 'eth_maxPriorityFeePerGas', []));
  const nonce =
    tx.nonce ?? Number(await result<Hex>(url, 'eth_getTransactionCount', [account.address, 'pending']));
  return account.signTransaction({
    type: 'eip1559',
    chainId,
    nonce,
    gas: tx.gas,
    maxPriorityFeePerGas: tip,
    maxFeePerGas: 2n * BigInt(latest.baseFeePerGas) + tip,
    ...(tx.to === undefined ? {} : { to: tx.to }),
    ...(tx.value === undefined ? {} : { value: tx.value }),
    ...(tx.data === undefined ? {} : { data: tx.data }),
  });
}

/** Sends a signed transaction that must succeed, and waits for its receipt. */
async function sendAndWait(url: string, raw: Hex) {
  const hash = await result<Hex>(url, 'eth_sendRawTransaction', [raw]);
  const receipt = await waitForReceipt(url, hash);
  if (receipt?.status !== '0x1') throw new Error(`transaction ${hash} failed: ${JSON.stringify(receipt)}`);
  return receipt;
}

async function probe(node: RunningNode): Promise<Record<string, unknown>> {
  const { url, chainId } = node;
  const dev = privateKeyToAccount(node.devPrivateKey);
  const out: Record<string, unknown> = {};

  // (a) each namespace's method with a wrong-typed argument: served (-32602 and kin) or refused?
  const a: Record<string, Answer> = {};
  for (const method of namespaceProbeMethods) a[method] = await call(url, method, [-1.5]);
  out['a: method with params [-1.5]'] = a;

  // (b)
  const accounts = await call(url, 'eth_accounts', []);
  out['b: eth_accounts []'] = accounts;

  // (c) does the node sign for whoever asks?
  const from = ((accounts.body as { result?: Hex[] }).result ?? [])[0] ?? dev.address;
  const stranger = privateKeyToAccount(generatePrivateKey()).address;
  out['c: eth_sendTransaction 1 wei from eth_accounts[0]'] = {
    answer: await call(url, 'eth_sendTransaction', [{ from, to: stranger, value: '0x1' }]),
    recipientBalanceAfter: String(await balanceOf(url, stranger)),
  };

  // (d)–(g) error handling
  out['d: chaineval_noSuchMethod []'] = await call(url, 'chaineval_noSuchMethod', []);
  out['e: eth_getBalance ["nothex","latest"]'] = await call(url, 'eth_getBalance', ['nothex', 'latest']);
  out['f: body without method'] = await post(url, '{"jsonrpc":"2.0","id":1}');
  out['g: malformed JSON'] = await post(url, '{"jsonrpc":"2.0","id":1,"method":');

  // (h)
  out['h: eth_getStorageAt EOA slot 0'] = await call(url, 'eth_getStorageAt', [dev.address, '0x0', 'latest']);

  // (i) a reverting call sent raw: the answer, and whether the chain kept a receipt anyway
  const deployment = await sendAndWait(
    url,
    await signTx(url, chainId, dev, { data: alwaysRevertInitCode, gas: 100_000n }),
  );
  const reverter = deployment.contractAddress!;
  const revertingRaw = await signTx(url, chainId, dev, { to: reverter, gas: 100_000n });
  const revertingHash = keccak256(revertingRaw);
  const revertAnswer = await call(url, 'eth_sendRawTransaction', [revertingRaw]);
  const revertReceipt = await waitForReceipt(url, revertingHash, 2_000);
  out['i: reverting eth_sendRawTransaction'] = {
    runtimeCode: await result<Hex>(url, 'eth_getCode', [reverter, 'latest']),
    txHash: revertingHash,
    answer: revertAnswer,
    receipt:
      revertReceipt === null ? null : { status: revertReceipt.status, block: revertReceipt.blockNumber },
  };

  // (j) replay of a fresh account's first transaction (nonce 0)
  const fresh = privateKeyToAccount(generatePrivateKey());
  await sendAndWait(
    url,
    await signTx(url, chainId, dev, { to: fresh.address, value: 10n ** 16n, gas: 21_000n }),
  );
  const recipient = privateKeyToAccount(generatePrivateKey()).address;
  const transferRaw = await signTx(url, chainId, fresh, { to: recipient, value: 1n, gas: 21_000n, nonce: 0 });
  const first = await call(url, 'eth_sendRawTransaction', [transferRaw]);
  const firstReceipt = await waitForReceipt(url, keccak256(transferRaw));
  const replay = await call(url, 'eth_sendRawTransaction', [transferRaw]);
  await new Promise((r) => setTimeout(r, 500)); // let a replay that was accepted be mined
  const replayReceipt = await waitForReceipt(url, keccak256(transferRaw), 0);
  out['j: replay of nonce-0 transfer'] = {
    first,
    firstReceiptBlock: firstReceipt?.blockNumber ?? null,
    replay,
    receiptBlockAfterReplay: replayReceipt?.blockNumber ?? null,
    recipientBalance: String(await balanceOf(url, recipient)),
    senderNonce: Number(await result<Hex>(url, 'eth_getTransactionCount', [fresh.address, 'latest'])),
  };

  // (k) roots of the genesis block, which holds no transactions
  const genesis = await result<{ transactionsRoot: Hex; receiptsRoot: Hex }>(url, 'eth_getBlockByNumber', [
    '0x0',
    false,
  ]);
  const describeRoot = (root: Hex) =>
    root === emptyTrieRoot ? 'empty-trie root' : root === keccakOfEmpty ? 'keccak256("")' : 'other';
  out['k: genesis roots'] = {
    transactionsRoot: `${genesis.transactionsRoot} (${describeRoot(genesis.transactionsRoot)})`,
    receiptsRoot: `${genesis.receiptsRoot} (${describeRoot(genesis.receiptsRoot)})`,
  };
  return out;
}

const starters: Record<string, () => Promise<RunningNode>> = {
  anvil: async () => ({
    ...(await startAnvil()),
    devPrivateKey: anvilDevPrivateKey,
    chainId: 31337,
  }),
  hardhat: () => startHardhat(),
  ganache: () => startGanache(),
};

async function main(): Promise<void> {
  const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(starters);
  const report: Record<string, unknown> = {};
  for (const name of names) {
    const start = starters[name];
    if (start === undefined) throw new Error(`unknown node "${name}"; choose from ${Object.keys(starters)}`);
    const startedAt = performance.now();
    const node = await start();
    const startupMs = Math.round(performance.now() - startedAt);
    try {
      const clientVersion = await result<string>(node.url, 'web3_clientVersion', []);
      report[name] = { clientVersion, startupMs, ...(await probe(node)) };
    } finally {
      await node.stop();
    }
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

await main();
