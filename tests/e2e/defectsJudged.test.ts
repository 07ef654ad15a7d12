import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { findProfile } from '#core/profile/resolveProfile.ts';
import type { FaultName } from '#fault-proxy/faultCatalogue.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { registry } from '#registry/index.ts';
import { createCheckRunner } from '../support/createCheckRunner.ts';

/**
 * Issue 7 item 3: a defect that breaks a check's precondition — a nonce the node reports wrong, so an
 * accepted transaction is never recorded — is evidence and is judged (`fail`), not turned into
 * `error`. Every conformance check of the profile runs with the defect on, each from a fresh account;
 * while the endpoint answers, none may end inconclusive.
 */
const conformance = Object.keys(findProfile(registry, 'jrt-0193-2020').checks).filter(
  (id) => registry.checks.find((c) => c.id === id)?.kind === 'conformance',
);

describe.each<[FaultName]>([['nonce-off-by-one']])('every conformance check under %s', (fault) => {
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy;
  let adapter: ChainAdapter;
  const results = new Map<string, CheckResult>();
  beforeAll(async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url });
    adapter = await createEvmAdapter({
      url: proxy.url,
      signer: { kind: 'local-key', privateKey: anvilDevPrivateKey },
    });
    for (const id of conformance) {
      // Each check with its own account, funded while the proxy is clean (as a run's preparation on
      // an honest node would be): what is judged is how the check treats the defect it meets.
      proxy.setFaults([]);
      const runner = await createCheckRunner(adapter, {
        parameters: { receiptTimeoutMs: 1_500 },
        fundedTransactions: 300,
      });
      proxy.setFaults([fault]);
      results.set(id, await runner.run(id));
    }
  }, 600_000);
  afterAll(async () => {
    await adapter?.close();
    await proxy?.close();
    await anvil?.stop();
  });

  it('ends no check inconclusive while the endpoint answers', () => {
    const errors = [...results.values()].filter((r) => r.status === 'error');
    expect(errors.map((r) => `${r.checkId}: ${r.summary}`)).toEqual([]);
  });

  it('fails the checks whose transactions the wrong nonce strands', () => {
    for (const id of [
      'tx-raw-replay-rejected',
      'tx-failed-leaves-receipt',
      'contract-revert-atomic',
      'tx-nonce-accounting',
    ])
      expect(results.get(id)?.status, `${id}: ${results.get(id)?.summary}`).toBe('fail');
  });
});
