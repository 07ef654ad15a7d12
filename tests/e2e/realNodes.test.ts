import { connect } from 'node:net';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningNode, StartNodeOptions } from '../support/RunningNode.ts';
import { ganacheDeterministicMnemonic, ganacheDevPrivateKey, startGanache } from '../support/startGanache.ts';
import { startHardhat } from '../support/startHardhat.ts';

async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json()) as { result?: unknown; error?: unknown };
  if (body.error !== undefined) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** Resolves with the error code of a TCP connection attempt, or 'connected'. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

function errnoOf(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

const nodes: [string, (options?: StartNodeOptions) => Promise<RunningNode>, RegExp][] = [
  ['Hardhat', startHardhat, /^HardhatNetwork\/2\.29\.1\//],
  ['ganache', startGanache, /^Ganache\/v7\.9\.2\//],
];

/** Hardhat and ganache from npm as real JSON-RPC targets: they start, answer, hold funds and stop cleanly. */
describe.each(nodes)('%s as a real JSON-RPC node', (_name, start, clientVersion) => {
  let node: RunningNode;
  beforeAll(async () => {
    node = await start();
  });
  afterAll(async () => {
    await node?.stop();
  });

  it('answers eth_chainId and web3_clientVersion', async () => {
    expect(Number(await rpc(node.url, 'eth_chainId'))).toBe(node.chainId);
    expect(await rpc(node.url, 'web3_clientVersion')).toMatch(clientVersion);
  });

  it('holds and funds the dev key', async () => {
    const { address } = privateKeyToAccount(node.devPrivateKey);
    const accounts = (await rpc(node.url, 'eth_accounts')) as string[];
    expect(accounts[0]?.toLowerCase()).toBe(address.toLowerCase());
    expect(BigInt((await rpc(node.url, 'eth_getBalance', [address, 'latest'])) as string)).toBeGreaterThan(
      0n,
    );
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(await tryConnect('127.0.0.1', node.port)).toBe('connected');
    // Another loopback address reaches a server bound to 0.0.0.0 but not one bound to 127.0.0.1.
    expect(await tryConnect('127.0.0.2', node.port)).not.toBe('connected');
  });

  it('stops without leaving a process behind', async () => {
    expect(errnoOf(() => process.kill(node.pid, 0))).toBeUndefined();
    await node.stop();
    await node.exited;
    expect(errnoOf(() => process.kill(node.pid, 0))).toBe('ESRCH');
    // Nothing else in its process group either.
    expect(errnoOf(() => process.kill(-node.pid, 0))).toBe('ESRCH');
  });
});

it("ganache's dev key is the first account of its deterministic mnemonic", () => {
  expect(privateKeyToAccount(ganacheDevPrivateKey).address).toBe(
    mnemonicToAccount(ganacheDeterministicMnemonic).address,
  );
});
