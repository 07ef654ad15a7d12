import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { findProfile } from '#core/profile/resolveProfile.ts';
import type { FaultName } from '#fault-proxy/faultCatalogue.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { registry } from '#registry/index.ts';
import { type CheckRunner, createCheckRunner } from '../support/createCheckRunner.ts';
import { type RunningJsonRpcGateway, startJsonRpcGateway } from '../support/startJsonRpcGateway.ts';

/** The methods API-01 probes under the default profile. */
const dangerousMethods = findProfile(registry, 'jrt-0193-2020').parameters.dangerousRpcMethods
  ?.default as string[];
/** The operator key the adapters sign with: anvil's first dev account, which anvil also holds. */
const operator = privateKeyToAccount(anvilDevPrivateKey).address.toLowerCase();

/**
 * Methods that make a node sign with keys it holds, which a hardened gateway must hide besides the
 * admin namespaces (shared/reference/toolchain.md "A hardened gateway"): eth_accounts,
 * eth_sign / eth_signTransaction / eth_signTypedData*, eth_sendTransaction.
 */
const signingMethod = (method: string): boolean => /^eth_(accounts|sign\w*|sendTransaction)$/.test(method);

interface Api01Actual {
  readonly exposed: readonly { method: string; reason: string }[];
  readonly signsFor: readonly string[];
}
interface Api01Evidence {
  readonly probes: readonly { method: string; exposed: boolean; reason: string }[];
  readonly signing: {
    readonly listedAccounts: readonly string[];
    readonly probes: readonly { method: string; account: string; signs: boolean; reason: string }[];
  };
}
const api01 = (result: CheckResult) => ({
  actual: result.actual as Api01Actual,
  evidence: result.evidence as unknown as Api01Evidence,
  exposedMethods: (result.actual as Api01Actual).exposed.map((e) => e.method),
});

/**
 * API-01 and API-02 on a real anvil: bare, behind the fault proxy acting as a namespace allow-list
 * gateway (eth, net, web3), and behind a hardened gateway that also hides the signing methods.
 */
describe('API checks on anvil', () => {
  let anvil: RunningAnvil;
  /** The fault proxy as a gateway that forwards only the eth, net and web3 namespaces. */
  let namespaceGateway: RunningFaultProxy;
  /** In front of namespaceGateway: also hides eth_accounts, eth_sign* and eth_sendTransaction. */
  let hardened: RunningJsonRpcGateway;
  let onAnvil: CheckRunner;
  let viaNamespaceGateway: CheckRunner;
  let viaHardened: CheckRunner;

  const runnerFor = async (url: string) =>
    createCheckRunner(
      await createEvmAdapter({ url, signer: { kind: 'local-key', privateKey: anvilDevPrivateKey } }),
      {
        fundedTransactions: 1,
      },
    );

  beforeAll(async () => {
    anvil = await startAnvil();
    namespaceGateway = await startFaultProxy({
      upstreamUrl: anvil.url,
      allowedNamespaces: ['eth', 'net', 'web3'],
    });
    hardened = await startJsonRpcGateway({ upstreamUrl: namespaceGateway.url, deniedMethods: signingMethod });
    onAnvil = await runnerFor(anvil.url);
    viaNamespaceGateway = await runnerFor(namespaceGateway.url);
    viaHardened = await runnerFor(hardened.url);
  });
  afterEach(() => namespaceGateway?.setFaults([]));
  afterAll(async () => {
    await hardened?.close();
    await namespaceGateway?.close();
    await anvil?.stop();
  });

  /** Runs behind the hardened gateway with `faults` active in the fault proxy behind it. */
  const runUnder = (faults: FaultName[], checkId: string): Promise<CheckResult> => {
    namespaceGateway.setFaults(faults);
    return viaHardened.run(checkId);
  };

  describe('API-01 api-dangerous-methods-hidden', () => {
    it('fails on bare anvil: it serves debug_ and anvil_ cheat codes AND signs for its dev accounts (an honest finding)', async () => {
      const result = await onAnvil.run('api-dangerous-methods-hidden');
      expect(result.status).toBe('fail');
      const { actual, evidence, exposedMethods } = api01(result);
      expect(exposedMethods).toEqual(['debug_traceTransaction', 'anvil_setBalance', 'hardhat_setBalance']);
      // Probed with a wrong-typed argument, so anvil refused the arguments (-32602), not the caller.
      for (const { reason } of actual.exposed)
        expect(reason).toMatch(/^error -32602 .*the method parsed the call/);
      // anvil lists its 10 dev accounts; the first three and the operator's own are probed.
      expect(evidence.signing.listedAccounts).toHaveLength(10);
      expect(evidence.signing.listedAccounts[0]).toBe(operator);
      expect(actual.signsFor).toEqual(evidence.signing.listedAccounts.slice(0, 3));
      const signedProbes = evidence.signing.probes.filter((p) => p.signs);
      expect(signedProbes.filter((p) => p.method === 'eth_sign').map((p) => p.reason)).toEqual(
        Array(3).fill('answered with a signature or transaction id'),
      );
      // The zero-gas send is refused for its gas, not for its sender: the method signs for anyone.
      expect(signedProbes.filter((p) => p.method === 'eth_sendTransaction')).toHaveLength(3);
      expect(result.summary).toMatch(
        /^3 of 9 dangerous methods exposed: debug_traceTransaction, anvil_setBalance, hardhat_setBalance; the node signs for an unauthenticated caller with 3 account\(s\) \(eth_sign, eth_sendTransaction\): 0x/,
      );
    });

    it('counts "method not found" answers as hidden: the other six methods on bare anvil', async () => {
      const { evidence } = api01(await onAnvil.run('api-dangerous-methods-hidden'));
      const hidden = evidence.probes.filter((p) => !p.exposed);
      expect(hidden.map((p) => p.method)).toEqual(
        dangerousMethods.filter(
          (m) => !['debug_traceTransaction', 'anvil_setBalance', 'hardhat_setBalance'].includes(m),
        ),
      );
      for (const probe of hidden) expect(probe.reason).toBe('-32601: the method is not provided');
    });

    // The fault proxy's allowedNamespaces is a namespace allow-list: it cannot hide single eth_ methods,
    // so eth_accounts, eth_sign and eth_sendTransaction reach anvil, which signs with its dev keys.
    it('still fails behind a gateway that forwards only eth, net and web3: every method hidden, but the node signs', async () => {
      const result = await viaNamespaceGateway.run('api-dangerous-methods-hidden');
      expect(result.status).toBe('fail');
      const { actual, evidence } = api01(result);
      expect(actual.exposed).toEqual([]);
      expect(evidence.probes.map((p) => p.reason)).toEqual(
        Array(dangerousMethods.length).fill('-32601: the method is not provided'),
      );
      expect(actual.signsFor).toEqual(evidence.signing.listedAccounts.slice(0, 3));
      expect(actual.signsFor).toContain(operator);
      expect(result.summary).toMatch(
        /^the node signs for an unauthenticated caller with 3 account\(s\) \(eth_sign, eth_sendTransaction\): /,
      );
    });

    it("catches a gateway that hides eth_accounts but forwards eth_sign: it probes the harness's own account too", async () => {
      const hidesAccountsOnly = await startJsonRpcGateway({
        upstreamUrl: namespaceGateway.url,
        deniedMethods: (method) => method === 'eth_accounts',
      });
      try {
        const result = await (await runnerFor(hidesAccountsOnly.url)).run('api-dangerous-methods-hidden');
        expect(result.status).toBe('fail');
        const { actual, evidence } = api01(result);
        expect(evidence.signing.listedAccounts).toEqual([]);
        expect(actual).toEqual({ exposed: [], signsFor: [operator] });
      } finally {
        await hidesAccountsOnly.close();
      }
    });

    it('passes behind a hardened gateway that also hides eth_accounts, eth_sign* and eth_sendTransaction', async () => {
      const result = await runUnder([], 'api-dangerous-methods-hidden');
      expect(result, result.summary).toMatchObject({
        status: 'pass',
        summary: `none of ${dangerousMethods.length} dangerous methods is reachable unauthenticated, and the node signs for nobody`,
        actual: { exposed: [], signsFor: [] },
      });
      const { evidence } = api01(result);
      // Only the operator's own account is left to probe, and both signing methods are not provided.
      expect(evidence.signing.probes.map((p) => [p.method, p.account, p.signs])).toEqual([
        ['eth_sign', operator, false],
        ['eth_sendTransaction', operator, false],
      ]);
    });

    it.each([
      [-32004, 'Method %s is not supported'],
      [-32700, 'The method %s does not exist/is not available'],
    ])(
      'passes when the gateway says "not provided" as Hardhat or ganache do (%i "%s")',
      async (code, message) => {
        const sayNotProvided = await startJsonRpcGateway({
          upstreamUrl: anvil.url,
          deniedMethods: (method) => dangerousMethods.includes(method) || signingMethod(method),
          denial: (method) => ({ code, message: message.replace('%s', method) }),
        });
        try {
          const result = await (await runnerFor(sayNotProvided.url)).run('api-dangerous-methods-hidden');
          expect(result, result.summary).toMatchObject({
            status: 'pass',
            actual: { exposed: [], signsFor: [] },
          });
          for (const probe of api01(result).evidence.probes) expect(probe.reason).toMatch(/not provided/);
        } finally {
          await sayNotProvided.close();
        }
      },
    );

    it('fails under admin-namespace-exposed, behind the hardened gateway', async () => {
      const result = await runUnder(['admin-namespace-exposed'], 'api-dangerous-methods-hidden');
      expect(result.status).toBe('fail');
      // The fault answers admin_* past the allow-list; everything else stays hidden and nothing signs.
      const admin = dangerousMethods.filter((m) => m.startsWith('admin_'));
      expect(admin).toEqual(['admin_nodeInfo', 'admin_peers']);
      const { actual, exposedMethods } = api01(result);
      expect(exposedMethods).toEqual(admin);
      expect(actual.signsFor).toEqual([]);
      expect(result.summary).toBe(
        `2 of ${dangerousMethods.length} dangerous methods exposed: admin_nodeInfo, admin_peers`,
      );
    });
  });

  describe('API-02 api-jsonrpc-error-codes', () => {
    it('passes on anvil and records the -32600 answer to malformed JSON as a tolerated deviation', async () => {
      const result = await onAnvil.run('api-jsonrpc-error-codes');
      expect(result, result.summary).toMatchObject({ status: 'pass' });
      expect(result.actual).toEqual({
        'unknown-method': -32601,
        'invalid-params': -32602,
        'invalid-request': -32600,
        'parse-error': -32600,
      });
      expect(result.summary).toBe(
        'all 4 error cases answered the specified codes (tolerated deviation: parse-error answered -32600)',
      );
    });

    it('passes through the gateways with no fault', async () => {
      const result = await runUnder([], 'api-jsonrpc-error-codes');
      expect(result, result.summary).toMatchObject({ status: 'pass' });
    });

    it('fails under wrong-error-codes', async () => {
      const result = await runUnder(['wrong-error-codes'], 'api-jsonrpc-error-codes');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^4 of 4 error cases wrong: unknown-method answered -32000, expected -32601/,
      );
      expect(Object.values(result.actual as Record<string, unknown>)).toEqual([
        -32000, -32000, -32000, -32000,
      ]);
    });
  });
});
