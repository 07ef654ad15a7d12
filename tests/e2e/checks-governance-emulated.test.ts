import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import {
  type PermissionedChainEmulator,
  startPermissionedChainEmulator,
} from '#fault-proxy/emulation/startPermissionedChainEmulator.ts';
import type { FaultName } from '#fault-proxy/faultCatalogue.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { type CheckRunner, createCheckRunner } from '../support/createCheckRunner.ts';

/**
 * The capability-gated checks (issue 7) against an endpoint that has the capabilities: a
 * Besu-QBFT-like permissioned chain emulated in front of a real anvil (fault-proxy/emulation). Each
 * check passes there and fails under the proxy fault that breaks the feature it probes. This proves
 * the checks' logic; it says nothing about a real vendor.
 */

const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
const checkIds = [
  'consensus-validator-set',
  'consensus-blocks-sealed',
  'gov-account-freeze',
  'gov-intervention-authorised',
  'gov-intervention-recorded',
  'gov-role-separation',
  'contract-deploy-permissioned',
  'contract-freeze-lifecycle',
  'contract-upgrade-keeps-history',
] as const;

describe('capability-gated checks on the emulated permissioned chain', () => {
  let anvil: RunningAnvil;
  let emulator: PermissionedChainEmulator;
  let proxy: RunningFaultProxy;
  let direct: CheckRunner;
  let viaProxy: CheckRunner;
  let proxied: ChainAdapter;
  let parameters: Record<string, unknown>;

  beforeAll(async () => {
    anvil = await startAnvil();
    emulator = await startPermissionedChainEmulator({ chainUrl: anvil.url, fundingKey: anvilDevPrivateKey });
    proxy = await startFaultProxy({ upstreamUrl: emulator.url });
    // Short receipt wait: a refused transaction costs no wait, a pending one costs this much.
    parameters = { receiptTimeoutMs: 3_000, registeredValidators: [...emulator.validators] };
    direct = await createCheckRunner(
      await createEvmAdapter({ url: emulator.url, signer, ...emulator.adapterOptions }),
      { parameters },
    );
    proxied = await createEvmAdapter({ url: proxy.url, signer, ...emulator.adapterOptions });
    viaProxy = await createCheckRunner(proxied, { parameters });
  });
  afterEach(() => proxy?.setFaults([]));
  afterAll(async () => {
    await proxy?.close();
    await emulator?.close();
    await anvil?.stop();
  });

  const runUnder = (faults: FaultName[], checkId: (typeof checkIds)[number]): Promise<CheckResult> => {
    proxy.setFaults(faults);
    return viaProxy.run(checkId);
  };

  it.each(checkIds)('%s passes on the emulated chain', async (checkId) => {
    const result = await direct.run(checkId);
    expect(result, result.summary).toMatchObject({ status: 'pass', checkId });
  });

  // Control: the failures below come from the faults, not from the proxy itself.
  it.each(checkIds)('%s passes through the proxy with no fault', async (checkId) => {
    const result = await runUnder([], checkId);
    expect(result, result.summary).toMatchObject({ status: 'pass', checkId });
  });

  describe('CON-01 consensus-validator-set', () => {
    it('reports the four registered validators and the one fault they tolerate', async () => {
      const result = await direct.run('consensus-validator-set');
      expect(result.summary).toBe(
        '4 validators, all registered and none missing; tolerates 1 faulty node(s)',
      );
      expect(result.evidence?.validatorQuery).toMatchObject({
        call: { method: 'qbft_getValidatorsByBlockNumber' },
        answer: [...emulator.validators],
      });
      expect(result.evidence?.headerValidators).toEqual([...emulator.validators]);
    });

    it('skips, with the set it saw, when no registration records are supplied', async () => {
      const result = await direct.run('consensus-validator-set', { registeredValidators: [] });
      expect(result).toMatchObject({ status: 'skip', skipReason: 'precondition' });
      expect(result.summary).toMatch(
        /^4 validators \(tolerates 1 faulty\), but no registeredValidators were supplied/,
      );
    });

    it('fails under validator-set-too-small', async () => {
      const result = await runUnder(['validator-set-too-small'], 'consensus-validator-set');
      expect(result.status).toBe('fail');
      expect(result.summary).toContain(
        '3 validator(s), fewer than the minimum 4 (tolerates 0 faulty node(s))',
      );
      expect(result.summary).toContain(`registered but not in the set: ${emulator.validators[3]}`);
      // The header still lists four: the API and the ledger disagree.
      expect(result.summary).toContain(
        'header lists 4 validator(s) that differ from the 3 the consensus API reports',
      );
    });

    it('fails under unregistered-validator', async () => {
      const result = await runUnder(['unregistered-validator'], 'consensus-validator-set');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/not in the registration records: 0x[0-9a-f]{40}/);
      expect(result.actual).toMatchObject({ validators: 4, unregistered: 1, missing: 1 });
    });
  });

  describe('CON-02 consensus-blocks-sealed', () => {
    it('recovers four distinct validator seals on every sampled block', async () => {
      const result = await direct.run('consensus-blocks-sealed');
      const blocks = result.evidence?.blocks as { committers: number; quorum: number; proposer: string }[];
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) {
        expect(block).toMatchObject({ committers: 4, quorum: 3 });
        expect(emulator.validators).toContain(block.proposer);
      }
    });

    it('fails under block-sealed-by-outsider', async () => {
      const result = await runUnder(['block-sealed-by-outsider'], 'consensus-blocks-sealed');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/^block \d+: sealed by 0x[0-9a-f]{40}, not in its validator set/);
    });

    it('fails under commit-seals-below-quorum', async () => {
      const result = await runUnder(['commit-seals-below-quorum'], 'consensus-blocks-sealed');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/^block \d+: 2 validator seal\(s\), fewer than the quorum 3 of 4/);
    });
  });

  describe('GOV-01 gov-account-freeze', () => {
    it('records the refusal of the frozen account with Besu’s -32007', async () => {
      const result = await direct.run('gov-account-freeze');
      expect(result.actual).toMatchObject({
        whileFrozen: 'refused with -32007 "Sender account not authorized to send transactions"',
        afterUnfreeze: expect.stringMatching(/^executed in block \d+$/),
      });
    });

    it('fails under frozen-account-transacts', async () => {
      const result = await runUnder(['frozen-account-transacts'], 'gov-account-freeze');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^frozen account 0x[0-9a-f]{40} transacted: its transfer 0x[0-9a-f]{64} executed in block \d+$/,
      );
    });
  });

  describe('GOV-02 gov-intervention-recorded', () => {
    it('finds both acts in their outcomes, blocks and the history query', async () => {
      const result = await direct.run('gov-intervention-recorded');
      expect(result.actual).toEqual({ recordedActs: 2, problems: 0 });
      const histories = result.evidence?.histories as { answer: unknown[] }[];
      expect(histories[0]?.answer).toHaveLength(2);
    });

    it('fails under freeze-not-recorded', async () => {
      const result = await runUnder(['freeze-not-recorded'], 'gov-intervention-recorded');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /the freeze 0x[0-9a-f]{64} executed but its outcome carries no record of it/,
      );
      expect(result.summary).toMatch(/misses intervention 0x[0-9a-f]{64}/);
    });

    it('fails under intervention-log-dropped', async () => {
      const result = await runUnder(['intervention-log-dropped'], 'gov-intervention-recorded');
      expect(result.status).toBe('fail');
      expect(result.summary).not.toContain('carries no record');
      expect(result.summary).toMatch(
        /^endpoint 1 \(http:\/\/127\.0\.0\.1:\d+\): the history of blocks \d+\.\.\d+ misses intervention/,
      );
    });
  });

  describe('GOV-03 gov-intervention-authorised', () => {
    it('sees two governors and a reverted freeze by the ordinary account', async () => {
      const result = await direct.run('gov-intervention-authorised');
      expect(result.actual).toMatchObject({
        governors: 2,
        unauthorisedFreeze: expect.stringMatching(/^recorded as failed in block \d+$/),
        targetStatus: 'normal',
      });
      expect(result.waiver).toBeUndefined();
    });

    it('fails under unauthorised-freeze-accepted', async () => {
      const result = await runUnder(['unauthorised-freeze-accepted'], 'gov-intervention-authorised');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^0x[0-9a-f]{40}, which holds no governance right, froze 0x[0-9a-f]{40}/,
      );
      expect(result.actual).toMatchObject({ targetStatus: 'frozen' });
    });

    it('fails under intervention-rights-not-split', async () => {
      const result = await runUnder(['intervention-rights-not-split'], 'gov-intervention-authorised');
      expect(result.status).toBe('fail');
      expect(result.summary).toBe(
        'the intervention right is held by 1 identity(ies), fewer than 2: not split across several users',
      );
    });
  });

  describe('GOV-04 gov-role-separation', () => {
    it('fails under role-self-grant-accepted', async () => {
      // A step account of its own: under the fault it really becomes a governor.
      const runner = await createCheckRunner(proxied, { parameters });
      proxy.setFaults(['role-self-grant-accepted']);
      const result = await runner.run('gov-role-separation');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/ordinary account 0x[0-9a-f]{40} granted itself the governance right/);
    });
  });

  describe('SC-04 contract-deploy-permissioned', () => {
    it('records the refused deployment and the permitted one', async () => {
      const result = await direct.run('contract-deploy-permissioned');
      expect(result.actual).toMatchObject({
        rightByDefault: false,
        unpermittedDeploy: 'refused with -32007 "Sender account not authorized to deploy contracts"',
        permittedDeploy: expect.stringMatching(/^executed in block \d+; code present$/),
      });
    });

    it('fails under unauthorised-deploy-accepted', async () => {
      const result = await runUnder(['unauthorised-deploy-accepted'], 'contract-deploy-permissioned');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^0x[0-9a-f]{40}, without the deploy right, deployed a contract at 0x[0-9a-f]{40}$/,
      );
    });
  });

  describe('SC-05 contract-freeze-lifecycle', () => {
    it('refuses calls while frozen and abolished, and keeps abolition final', async () => {
      const result = await direct.run('contract-freeze-lifecycle');
      expect(result.actual).toMatchObject({
        live: expect.stringMatching(/^executed/),
        frozen: 'refused with -32007 "Target contract is frozen or abolished"',
        unfrozen: expect.stringMatching(/^executed/),
        abolished: 'refused with -32007 "Target contract is frozen or abolished"',
        afterRevival: 'refused with -32007 "Target contract is frozen or abolished"',
      });
    });

    it('fails under frozen-contract-callable', async () => {
      const result = await runUnder(['frozen-contract-callable'], 'contract-freeze-lifecycle');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^set\(2\) on the frozen contract was executed in block \d+, and slot 0 changed from 1 to 2/,
      );
    });
  });

  describe('SC-06 contract-upgrade-keeps-history', () => {
    it('cross-checks code, recorded version, version() and the code before the upgrade', async () => {
      const result = await direct.run('contract-upgrade-keeps-history');
      expect(result.actual).toMatchObject({ code: 'version 2', version: 'chaineval-sc06-v2', slot0: '7' });
      expect(result.evidence?.versionCall).toMatchObject({ answer: { kind: 'result' } });
    });

    it('fails under upgrade-loses-state', async () => {
      const result = await runUnder(['upgrade-loses-state'], 'contract-upgrade-keeps-history');
      expect(result.status).toBe('fail');
      expect(result.summary).toBe('the upgrade lost the stored value: slot 0 holds 0, not 7');
    });
  });
});

/**
 * On a plain dev node the adapter has none of these capabilities unless configured for them, so each
 * check skips naming what is missing (the same on Hardhat and ganache: tests/e2e/implementations.test.ts).
 */
describe('capability-gated checks on plain anvil', () => {
  let anvil: RunningAnvil;
  let runner: CheckRunner;

  beforeAll(async () => {
    anvil = await startAnvil();
    runner = await createCheckRunner(await createEvmAdapter({ url: anvil.url, signer, embedded: true }));
  });
  afterAll(async () => {
    await anvil?.stop();
  });

  it.each([
    ['consensus-validator-set', 'consensus.validators'],
    ['consensus-blocks-sealed', 'consensus.validators'],
    ['gov-account-freeze', 'governance.freeze'],
    ['gov-intervention-authorised', 'governance.freeze'],
    ['gov-intervention-recorded', 'governance.freeze'],
    ['gov-role-separation', 'perm.write'],
    ['contract-deploy-permissioned', 'perm.write'],
    ['contract-freeze-lifecycle', 'contract.lifecycle'],
    ['contract-upgrade-keeps-history', 'contract.lifecycle'],
  ] as const)('%s skips: the adapter lacks %s', async (checkId, capability) => {
    const result = await runner.run(checkId);
    expect(result).toMatchObject({ status: 'skip', skipReason: 'unsupported-capability' });
    expect(result.summary).toBe(`adapter "evm" lacks ${capability}`);
  });
});
