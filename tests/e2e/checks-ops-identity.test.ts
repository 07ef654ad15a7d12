import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { createFixtureCache, runCheck } from '#core/run/runCheck.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { type CheckRunner, createCheckRunner } from '../support/createCheckRunner.ts';
import type { RunningNode } from '../support/RunningNode.ts';
import { resolveTestProfile } from '../support/resolveTestProfile.ts';
import { startGanache } from '../support/startGanache.ts';
import { startHardhat } from '../support/startHardhat.ts';

const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
/** The suite anvil really uses, allowed beyond the profile's requirement (sm2-sm3). */
const widened = { allowedCryptoSuites: ['secp256k1-keccak256'] };

/** Runs a registered check over several endpoints, as a run with --target repeated does. */
async function runOnNetwork(
  checkId: string,
  network: ChainAdapter[],
  overrides: Record<string, unknown> = {},
): Promise<CheckResult> {
  const { resolved, values, requirements } = resolveTestProfile('jrt-0193-2020', overrides);
  const check = resolved.checks.find((c) => c.id === checkId);
  const [adapter] = network;
  if (!check || !adapter) throw new Error(`no check ${checkId} or no endpoint`);
  return runCheck(check, {
    adapter,
    network,
    params: values,
    requirements,
    account: undefined,
    fixtures: createFixtureCache(),
    progress: () => {},
    signal: new AbortController().signal,
  });
}

/** CR-02 (which hash function the ledger uses) and GOV-05 (how many node implementations answer). */
describe('CR-02 and GOV-05', () => {
  let anvil: RunningAnvil;
  let hardhat: RunningNode;
  let ganache: RunningNode;
  let proxy: RunningFaultProxy;
  let direct: ChainAdapter;
  let proxied: ChainAdapter;
  let onAnvil: CheckRunner;
  let viaProxy: CheckRunner;

  beforeAll(async () => {
    [anvil, hardhat, ganache] = await Promise.all([startAnvil(), startHardhat(), startGanache()]);
    proxy = await startFaultProxy({ upstreamUrl: anvil.url });
    direct = await createEvmAdapter({ url: anvil.url, signer });
    proxied = await createEvmAdapter({ url: proxy.url, signer });
    onAnvil = await createCheckRunner(direct, { fundedTransactions: 5 });
    viaProxy = await createCheckRunner(proxied, { fundedTransactions: 5 });
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await Promise.all([anvil?.stop(), hardhat?.stop(), ganache?.stop()]);
  });

  describe('CR-02 crypto-hash-function-used', () => {
    it('fails on anvil under the default profile: its ledger hashes with keccak256, the profile requires SM3', async () => {
      const result = await onAnvil.run('crypto-hash-function-used');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^the ledger hashes with keccak256 \(all \d+ hashes of 3 blocks and their transactions reproduce\), whose suite secp256k1-keccak256 is not one of sm2-sm3$/,
      );
      expect(result.evidence?.reproduced).toMatchObject({ sm3: 0, sha256: 0 });
    });

    it('passes with a waiver when the run allows secp256k1-keccak256, naming keccak256 as the function', async () => {
      const result = await onAnvil.run('crypto-hash-function-used', widened);
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(
        /^the ledger hashes with keccak256: all \d+ hashes .* allowed only because allowedCryptoSuites was widened beyond sm2-sm3$/,
      );
      expect(result.waiver).toMatchObject({ parameter: 'allowedCryptoSuites', requirement: ['sm2-sm3'] });
    });

    it('fails under forged-block-hash even with keccak256 allowed: no function reproduces the block hashes', async () => {
      proxy.setFaults(['forged-block-hash']);
      try {
        const result = await viaProxy.run('crypto-hash-function-used', widened);
        expect(result.status).toBe('fail');
        expect(result.summary).toMatch(
          /^no candidate hash function reproduces the ledger's hashes: block \d+ reports 0x[0-9a-f]{64}, keccak256 gives 0x[0-9a-f]{64}, SM3 0x/,
        );
      } finally {
        proxy.setFaults([]);
      }
    });
  });

  describe('GOV-05 gov-software-heterogeneity', () => {
    const adapters = async () => [
      direct,
      await createEvmAdapter({
        url: hardhat.url,
        signer: { kind: 'local-key', privateKey: hardhat.devPrivateKey },
      }),
      await createEvmAdapter({
        url: ganache.url,
        signer: { kind: 'local-key', privateKey: ganache.devPrivateKey },
      }),
    ];

    it('fails on a single anvil: one implementation, three required (JR/T 0184-2020 17.3.1.6)', async () => {
      const result = await onAnvil.run('gov-software-heterogeneity');
      expect(result.status).toBe('fail');
      expect(result.summary).toBe(
        '1 distinct implementation(s) across 1 endpoint(s) (anvil), at least 3 required',
      );
    });

    it('passes over anvil, Hardhat and ganache endpoints: three implementations', async () => {
      const result = await runOnNetwork('gov-software-heterogeneity', await adapters());
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toBe('3 distinct implementations across 3 endpoint(s): anvil, hardhat, ganache');
      expect(result.waiver).toBeUndefined();
    });

    it('passes a single node with a waiver when the run lowers minImplementations to 1', async () => {
      const result = await onAnvil.run('gov-software-heterogeneity', { minImplementations: 1 });
      expect(result.status).toBe('pass');
      expect(result.waiver).toMatchObject({ parameter: 'minImplementations', value: 1, requirement: 3 });
    });

    it('fails under client-version-missing on one endpoint: it can no longer be counted', async () => {
      const [, hh, gn] = await adapters();
      if (!hh || !gn) throw new Error('adapters missing');
      proxy.setFaults(['client-version-missing']);
      try {
        const result = await runOnNetwork('gov-software-heterogeneity', [proxied, hh, gn]);
        expect(result.status).toBe('fail');
        expect(result.summary).toMatch(
          /^2 distinct implementation\(s\) across 3 endpoint\(s\) \(hardhat, ganache\), at least 3 required; 1 endpoint\(s\) name no implementation \(0: .*-32601/,
        );
      } finally {
        proxy.setFaults([]);
      }
    });
  });
});
