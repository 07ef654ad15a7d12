import { describe, expect, it } from 'vitest';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { createFixtureCache, runCheck } from '#core/run/runCheck.ts';
import { registry } from '#registry/index.ts';
import { resolveTestProfile } from '../support/resolveTestProfile.ts';
import { useAnvilBehindProxy } from '../support/useAnvilBehindProxy.ts';

/** Short enough that a fault which hides an outcome costs seconds, long enough for automine. */
const parameters = { receiptTimeoutMs: 5_000 };

const checkIds = [
  'contract-call-deterministic',
  'contract-code-matches-artifact',
  'contract-storage-history',
] as const;

/** SC-02, SC-09 and SC-10 on a real anvil: each passes on the clean chain and fails under its named faults. */
describe('contract state checks on anvil', () => {
  const env = useAnvilBehindProxy({ parameters });

  /**
   * A network of two endpoints as a run with `--target` twice sees it: anvil itself first (the checks
   * send there), then the proxy in front of the same anvil, where a `second-endpoint` fault applies.
   */
  const runOnTwoEndpoints = (checkId: (typeof checkIds)[number]): Promise<CheckResult> => {
    const check = registry.checks.find((c) => c.id === checkId);
    if (!check) throw new Error(`${checkId} is not registered`);
    const { values, requirements } = resolveTestProfile(undefined, parameters);
    return runCheck(check, {
      adapter: env.direct,
      network: [env.direct, env.proxied],
      params: values,
      requirements,
      account: env.onAnvil.account,
      fixtures: createFixtureCache(),
      progress: () => {},
      signal: new AbortController().signal,
    });
  };

  it.each(checkIds)('%s passes on anvil', async (checkId) => {
    const result = await env.onAnvil.run(checkId);
    expect(result, result.summary).toMatchObject({ status: 'pass', checkId });
  });

  // Control: the failures below come from the fault, not from the proxy itself.
  it.each(checkIds)('%s passes through the proxy with no fault', async (checkId) => {
    const result = await env.runUnder([], checkId);
    expect(result, result.summary).toMatchObject({ status: 'pass', checkId });
  });

  describe('SC-02 contract-call-deterministic', () => {
    it('gets x1 from get() at the block of set(x1), three times, and the recomputed mix()', async () => {
      const result = await env.onAnvil.run('contract-call-deterministic');
      expect(result.summary).toMatch(
        /^5 calls at block \d+ gave identical answers on the one endpoint \(repeatability only: pass --target once per node to compare nodes\)/,
      );
      const expected = result.expected as Record<string, string>;
      const actual = result.actual as Record<string, string[]>;
      for (const [query, answers] of Object.entries(actual)) expect(answers, query).toHaveLength(1);
      const getAnswer = Object.entries(actual).find(([q]) => q.startsWith('eth_call get()'))?.[1][0];
      expect(getAnswer).toBe(Object.entries(expected).find(([q]) => q.startsWith('get()'))?.[1]);
      // The exact calls are in the evidence, with their block.
      const rpc = result.evidence?.rpc as { calls: { method: string; params: unknown[] }[] } | undefined;
      const calls = rpc?.calls ?? [];
      expect(calls.filter((c) => c.method === 'eth_call').length).toBe(4);
    });

    it('compares two endpoints of one network and passes when they agree', async () => {
      const result = await runOnTwoEndpoints('contract-call-deterministic');
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(/^10 calls at block \d+ gave identical answers on all 2 endpoints/);
    });

    it('fails under nondeterministic-call: the same call at the same block gives two answers', async () => {
      const result = await env.runUnder(['nondeterministic-call'], 'contract-call-deterministic');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/^eth_call get\(\) at block \d+ answered 2 different results: /);
      expect(result.summary).toMatch(/expected 0x0{48}[0-9a-f]{16}/);
    });

    it('fails under state-one-block-behind on the second endpoint: the nodes disagree', async () => {
      env.proxy.setFaults(['state-one-block-behind']);
      const result = await runOnTwoEndpoints('contract-call-deterministic');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^eth_call get\(\) at block \d+ answered 2 different results: 0x[0-9a-f]{64} \(endpoint 0, 0, 0\); 0x[0-9a-f]{64} \(endpoint 1, 1, 1\)/,
      );
    });
  });

  describe('SC-09 contract-code-matches-artifact', () => {
    it('finds the artifact runtime at latest and at the deployment block, and no code before it', async () => {
      const result = await env.onAnvil.run('contract-code-matches-artifact');
      expect(result.status, result.summary).toBe('pass');
      const expected = result.expected as Record<string, string>;
      expect(Object.keys(expected)).toEqual([
        'latest',
        expect.stringMatching(/^D = \d+$/),
        expect.stringMatching(/^D - 1 = \d+$/),
      ]);
      expect(result.actual).toEqual(expected);
      expect(Object.values(expected)[2]).toBe('0x (no code)');
      expect(result.evidence?.createAddress).toMatchObject({ computed: result.evidence?.probe });
    });

    it('fails under code-truncated, naming where the bytes end', async () => {
      const result = await env.runUnder(['code-truncated'], 'contract-code-matches-artifact');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^eth_getCode at latest answered 811 bytes, keccak256 0x[0-9a-f]{64}, expected the artifact's 812 bytes, keccak256 0x[0-9a-f]{64} \(one is a prefix of the other: they differ from byte 811 on\)/,
      );
    });

    it('fails under historical-state-reads-latest: code shows before its deployment block', async () => {
      const result = await env.runUnder(['historical-state-reads-latest'], 'contract-code-matches-artifact');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^eth_getCode at D - 1 = \d+ answered 812 bytes, keccak256 0x[0-9a-f]{64}, expected no code before the deployment block$/,
      );
    });
  });

  describe('SC-10 contract-storage-history', () => {
    it('reads x1 at block a and x2 at b and latest, by storage and by call', async () => {
      const result = await env.onAnvil.run('contract-storage-history');
      expect(result.status, result.summary).toBe('pass');
      const actual = result.actual as Record<string, { storage: string; call: string }>;
      for (const reading of Object.values(actual)) expect(reading.storage).toBe(reading.call);
      const keys = Object.keys(actual);
      expect(keys).toEqual([
        expect.stringMatching(/^a - 1 = \d+$/),
        expect.stringMatching(/^a = \d+$/),
        expect.stringMatching(/^b = \d+$/),
        'latest',
      ]);
      const [, atA, atB, latest] = Object.values(actual);
      expect(BigInt(atB!.storage)).toBe(BigInt(atA!.storage) + 2n);
      expect(latest).toEqual(atB);
    });

    it('fails under historical-state-reads-latest: block a answers the latest value', async () => {
      const result = await env.runUnder(['historical-state-reads-latest'], 'contract-storage-history');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^eth_getStorageAt at a = \d+ answered (\d+), expected \d+ \(the latest value\); eth_call get\(\) at a = \d+ answered \1, expected \d+ \(the latest value\)$/,
      );
    });
  });
});
