import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { ChainAdapter, Identity } from '#core/adapter/ChainAdapter.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { createCheckRunner } from '../support/createCheckRunner.ts';
import type { RunningNode } from '../support/RunningNode.ts';
import { runOnNetwork } from '../support/runOnNetwork.ts';
import { startGanache } from '../support/startGanache.ts';
import { startHardhat } from '../support/startHardhat.ts';

const checkId = 'property-cross-endpoint-history';
/** Small and fixed: each history takes about a second, and a failure is the same every time. */
const parameters = {
  propertyNumRuns: 2,
  propertyMaxCommands: 5,
  propertySeed: 20_261_130,
  receiptTimeoutMs: 5_000,
  propertyTimeBudgetMs: 60_000,
  crossNodeSyncMs: 1_500,
};

/** PROP-08 over `network` with this file's parameters, `overrides` winning. */
const runOn = (
  network: readonly ChainAdapter[],
  account: Identity | undefined,
  overrides: Record<string, unknown> = {},
) => runOnNetwork(checkId, network, account, { ...parameters, ...overrides });

/**
 * PROP-08 (issue 8 deliverable 2): random transfer histories issued through two endpoints of one
 * anvil (the chain directly, and a fault proxy in front of it) pass; the same histories fail when the
 * proxy hides the newest block's effect from state reads (lost-update), and when the two endpoints are
 * two independent anvils with the same dev accounts and chain id.
 */
describe('PROP-08 property-cross-endpoint-history', () => {
  const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy;
  let network: ChainAdapter[];
  let account: Identity | undefined;

  beforeAll(async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url });
    network = [
      await createEvmAdapter({ url: anvil.url, signer, embedded: true }),
      await createEvmAdapter({ url: proxy.url, signer }),
    ];
    ({ account } = await createCheckRunner(network[0] as ChainAdapter, {
      parameters,
      fundedTransactions: 2_000,
    }));
  });
  afterEach(() => proxy?.setFaults([]));
  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
  });

  it('skips on a single endpoint: it needs two endpoints of one network', async () => {
    const result = await runOn(network.slice(0, 1), account);
    expect(result.status).toBe('skip');
    expect(result.summary).toBe(
      'needs 2 endpoints of one network and the run has 1; pass --target once per node to compare nodes',
    );
  });

  it('passes on one anvil reached directly and through a proxy', async () => {
    const result = await runOn(network, account);
    expect(result.status, result.summary).toBe('pass');
    expect(result.summary).toMatch(
      /^2 histories \(\d+ commands, \d+ recorded operations\) across 2 endpoints show no lost update, double spend, divergence or non-monotonic read, seed 20261130$/,
    );
    expect(result.property).toMatchObject({ seed: parameters.propertySeed, numRuns: 2 });
  });

  it('fails when the second endpoint serves state one block behind its height (lost-update)', async () => {
    proxy.setFaults(['lost-update']);
    const result = await runOn(network, account);
    expect(result.status, result.summary).toBe('fail');
    expect(result.summary).toMatch(
      /^the endpoints' history is not one network's: lost-update after .*: endpoint 2 \(http:\/\/127\.0\.0\.1:\d+\) at block \d+ reports (balance|nonce) \d+ for account \d; the history implies \d+/,
    );
    const run = result.property;
    expect(run?.seed).toBe(parameters.propertySeed);
    expect(run?.commands?.length).toBeGreaterThan(0);
    expect(run?.counterexample).toHaveLength(run?.commands?.length ?? -1);
  });

  it('fails when the second endpoint does not know transactions submitted elsewhere (tx-not-propagated)', async () => {
    proxy.setFaults(['tx-not-propagated']);
    const result = await runOn(network, account);
    expect(result.status, result.summary).toBe('fail');
    expect(result.summary).toMatch(
      /^the endpoints' history is not one network's: lost-update after .*: endpoint 2 \(http:\/\/127\.0\.0\.1:\d+\) has no receipt for transfer #\d+ 0x[0-9a-f]{64} .* although it reported height \d+$/,
    );
  });

  describe('two independent anvils given as one network (same dev accounts, same chain id)', () => {
    let other: RunningAnvil;
    let independent: ChainAdapter[];
    beforeAll(async () => {
      other = await startAnvil();
      independent = [network[0] as ChainAdapter, await createEvmAdapter({ url: other.url, signer })];
    });
    afterAll(async () => {
      await other?.stop();
    });

    it('fails: the second chain never reaches the blocks of the first', async () => {
      const result = await runOn(independent, account);
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(
        /is not visible on endpoint 2 \(http:\/\/127\.0\.0\.1:\d+\) after \d+ ms/,
      );
    });

    it('fails when the second chain is ahead: its blocks and state are not the first one’s', async () => {
      const direct = await createEvmAdapter({ url: other.url, signer });
      expect((await direct.rpc?.request('anvil_mine', ['0x40']))?.kind).toBe('result');
      const result = await runOn(independent, account);
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(
        /^the endpoints' history is not one network's: (divergence|lost-update|inconsistent-read|refused) after /,
      );
      expect(result.summary).toMatch(/endpoint 2 \(http:\/\/127\.0\.0\.1:\d+\)/);
    });
  });
});

describe('PROP-08 on Hardhat 2.29.1 reached directly and through a proxy', () => {
  let node: RunningNode;
  let proxy: RunningFaultProxy;
  let network: ChainAdapter[];
  let account: Identity | undefined;

  beforeAll(async () => {
    node = await startHardhat();
    proxy = await startFaultProxy({ upstreamUrl: node.url });
    const signer = { kind: 'local-key', privateKey: node.devPrivateKey } as const;
    network = [
      await createEvmAdapter({ url: node.url, signer }),
      await createEvmAdapter({ url: proxy.url, signer }),
    ];
    ({ account } = await createCheckRunner(network[0] as ChainAdapter, {
      parameters,
      fundedTransactions: 2_000,
    }));
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await node?.stop();
  });

  it('passes', async () => {
    const result = await runOn(network, account);
    expect(result.status, result.summary).toBe('pass');
  });
});

/**
 * ganache 7.9.2 includes a second transaction with nonce 0 of a fresh account (toolchain.md; PROP-05
 * and PROP-06 show it on one endpoint): two same-nonce transfers sent at once through two endpoints
 * are both included, which the history shows as a double spend. Seed 1 reaches a Conflict command on a
 * fresh suite account in its first history.
 */
describe('PROP-08 on ganache 7.9.2 reached directly and through a proxy', () => {
  let node: RunningNode;
  let proxy: RunningFaultProxy;
  let network: ChainAdapter[];
  let account: Identity | undefined;

  beforeAll(async () => {
    node = await startGanache();
    proxy = await startFaultProxy({ upstreamUrl: node.url });
    const signer = { kind: 'local-key', privateKey: node.devPrivateKey } as const;
    network = [
      await createEvmAdapter({ url: node.url, signer }),
      await createEvmAdapter({ url: proxy.url, signer }),
    ];
    ({ account } = await createCheckRunner(network[0] as ChainAdapter, {
      parameters,
      fundedTransactions: 2_000,
    }));
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await node?.stop();
  });

  it('fails with a double spend: both transfers of one fresh account with nonce 0 are included', async () => {
    // The double spend needs ganache to take both same-nonce sends before it mines the first, a race
    // it does not lose every time (CI once saw 4 histories without it): up to three seeds.
    let result = await runOn(network, account, {
      propertySeed: 1,
      propertyNumRuns: 4,
      propertyMaxCommands: 6,
    });
    for (const seed of [2, 3]) {
      if (result.status === 'fail') break;
      result = await runOn(network, account, {
        propertySeed: seed,
        propertyNumRuns: 4,
        propertyMaxCommands: 6,
      });
    }
    expect(result.status, result.summary).toBe('fail');
    expect(result.summary).toMatch(
      /^the endpoints' history is not one network's: double-spend after Conflict\(account \d spends \d+ wei twice with one nonce, via endpoints \d and \d\): two transactions of account \d with nonce 0 are both included: 0x[0-9a-f]{64} in block \d+ on endpoint \d .*, 0x[0-9a-f]{64} in block \d+ on endpoint \d/,
    );
    expect(result.property?.commands?.at(-1)?.name).toBe('Conflict');
  }, 120_000);
});
