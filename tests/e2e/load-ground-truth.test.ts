import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { renderMarkdown } from '#reports/render/renderMarkdown.ts';
import { openTestStore, type TestStore } from '../support/openTestStore.ts';
import { runTransferLoad } from '../support/runTransferLoad.ts';

/**
 * 20 tx/s for 3 s on 1 s interval mining; the drain leaves room for the blocks that make the last
 * transfers final (finalityDepth 3, the profile's default, read by the scenario).
 */
const loadParameters = { loadRateTps: 20, loadDurationS: 3, loadDrainS: 7 };
const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
/** anvil's second dev account: a sender the harness knows nothing about. */
const otherSenderKey: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';

let testStore: TestStore;
beforeAll(async () => {
  testStore = await openTestStore(inject('dynamoEndpoint'), 'load-ground-truth-e2e');
});
afterAll(async () => {
  await testStore?.close();
});

async function rpc<T>(url: string, method: string, params: unknown[]): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json()) as { result?: T; error?: unknown };
  if (body.error !== undefined) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result as T;
}

/**
 * Other traffic on the chain: self-transfers from a second account, straight to anvil, one every
 * 150 ms, at most 80 (12 s), until stopped. Pre-signed with fixed fees, so sending is one request.
 */
async function startOtherTraffic(url: string) {
  const account = privateKeyToAccount(otherSenderKey);
  const chainId = Number(await rpc<Hex>(url, 'eth_chainId', []));
  const nonce = Number(await rpc<Hex>(url, 'eth_getTransactionCount', [account.address, 'pending']));
  const signed = await Promise.all(
    Array.from({ length: 80 }, (_, i) =>
      account.signTransaction({
        type: 'eip1559',
        chainId,
        nonce: nonce + i,
        to: account.address,
        value: 1n,
        gas: 21_000n,
        maxFeePerGas: 100_000_000_000n,
        maxPriorityFeePerGas: 1_000_000_000n,
      }),
    ),
  );
  let sent = 0;
  let stopped = false;
  const loop = (async () => {
    for (const raw of signed) {
      if (stopped) break;
      await rpc<Hex>(url, 'eth_sendRawTransaction', [raw]);
      sent += 1;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  })();
  return {
    stop: async (): Promise<number> => {
      stopped = true;
      await loop;
      return sent;
    },
  };
}

/** The transfer scenario alone, through plan, prepare, load step (1 s interval mining) and finalize. */
const runLoad = (adapter: ChainAdapter, beforeLoadStep?: () => Promise<void>) =>
  runTransferLoad(adapter, testStore.store, {
    parameters: loadParameters,
    ...(beforeLoadStep === undefined ? {} : { beforeLoadStep }),
  });

describe('committed TPS against the on-chain ground truth, and latency tiers, on a real anvil', () => {
  let anvil: RunningAnvil | undefined;
  afterEach(async () => {
    await anvil?.stop();
    anvil = undefined;
  });

  it('agrees with the blocks within 1% on a chain only the harness uses, with accepted < included < final', async () => {
    anvil = await startAnvil();
    const adapter = await createEvmAdapter({ url: anvil.url, signer, embedded: true });
    const { shard, throughput, report } = await runLoad(adapter);

    expect(shard).toMatchObject({ sent: 60, accepted: 60, committed: 60, lost: 0, finalityDepth: 3 });
    expect(throughput?.status, throughput?.summary).toBe('pass');
    const m = throughput!.load!;
    expect(m.groundTruth, JSON.stringify(m.groundTruth)).toMatchObject({
      transactions: 60,
      disagrees: false,
    });
    expect(m.groundTruth!.disagreement).toBeLessThanOrEqual(0.01);
    expect(m.groundTruth!.committedTps).toBeCloseTo(m.committedTps, 6);

    const tiers = m.latencyTiers!;
    expect(tiers.accepted.count).toBe(60);
    expect(tiers.included).toEqual(m.latency);
    expect(tiers.final).toMatchObject({ count: 60, finalityDepth: 3 });
    expect(tiers.accepted.p50Ms).toBeLessThan(tiers.included.p50Ms);
    // Three more 1 s blocks on top of each transaction's block.
    expect(tiers.final!.p50Ms).toBeGreaterThan(tiers.included.p50Ms + 2_000);
    expect(renderMarkdown(report)).toMatch(/on-chain ground truth agrees/);
  });

  it('flags other traffic in the window (a sender the harness does not know about), without changing the verdict', async () => {
    anvil = await startAnvil();
    const url = anvil.url;
    const adapter = await createEvmAdapter({ url, signer, embedded: true });
    let other: Awaited<ReturnType<typeof startOtherTraffic>> | undefined;
    let otherSent = 0;
    try {
      const { shard, throughput, report } = await runLoad(adapter, async () => {
        other = await startOtherTraffic(url);
      });
      otherSent = (await other?.stop()) ?? 0;
      expect(otherSent).toBeGreaterThan(0);
      expect(shard).toMatchObject({ sent: 60, committed: 60, lost: 0 });
      expect(throughput?.status, throughput?.summary).toBe('pass');
      const truth = throughput!.load!.groundTruth!;
      expect(truth.disagrees, JSON.stringify(truth)).toBe(true);
      expect(truth.transactions).toBeGreaterThan(60);
      expect(truth.transactions).toBeLessThanOrEqual(60 + otherSent);
      expect(renderMarkdown(report)).toMatch(
        /WARNING: committed TPS disagrees with the on-chain ground truth.*usually other traffic on the chain.*The verdict is not changed by it/,
      );
    } finally {
      await other?.stop();
    }
  });
});
