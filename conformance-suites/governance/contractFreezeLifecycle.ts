import type { GovernanceAction, GovernedStatus, Hex } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { deployLifecycleTarget } from './deployLifecycleTarget.ts';
import {
  type ActResult,
  actEvidence,
  attemptAs,
  describeAct,
  readingEvidence,
  readingProblem,
  submitAndFollow,
} from './governanceSteps.ts';
import { lifecycleTargetSet, wordValue } from './loadLifecycleTarget.ts';

/** `uint256 public value` is LifecycleTarget's first state variable: slot 0. */
const valueSlot: Hex = '0x0';

/**
 * SC-05 — JR/T 0184-2020 12.8 (contract lifecycle: freeze, unfreeze, abolish) and 12.9 (a contract can
 * be stopped by intervention). The step deploys LifecycleTarget and calls set(v) through its life:
 * live (1), frozen (2), unfrozen (3), abolished (4), and after an attempt to revive it (5). Slot 0
 * shows which calls took effect.
 *
 * Comparison policy: each governance act must execute and its status be read back, except the
 * revival, which must not take effect (abolition is final). Calls while frozen or abolished must be
 * refused or recorded as failed and leave slot 0 unchanged; a call there that executes or is left
 * pending fails (a stopped contract must not queue calls to run later). Calls while live must execute
 * and store their value. When the chain restricts deployment and the step account lacks the right, the
 * governance identity grants it for the deployment and revokes it after (needs `perm.write`).
 */
export const contractFreezeLifecycle = defineCheck({
  id: 'contract-freeze-lifecycle',
  catalogueId: 'SC-05',
  kind: 'conformance',
  title: { zh: '合约冻结、解冻与废止', en: 'Contract freeze, unfreeze and abolish take effect' },
  requires: ['contract.lifecycle', 'tx.clientSign', 'tx.receipts', 'contract.evm'],
  parameters: [receiptTimeoutMs],
  faults: ['frozen-contract-callable'],
  budget: () => [
    { kind: 'deploy', count: 1 },
    { kind: 'call', count: 5 },
  ],
  description:
    'Deploys a small contract and calls set(v) while it is live, frozen, unfrozen, abolished and after an attempt to ' +
    'revive it. Passes when every governance act takes effect (the revival does not), calls while frozen or ' +
    'abolished are refused or recorded as failed without changing state, and calls while live store their value.',
  failsWhen:
    'A call into a frozen or abolished contract executes, changes its state or is left pending; an abolished ' +
    'contract is revived; or a freeze, unfreeze or abolish does not take effect.',
  async run({ adapter, params, account }) {
    const { governance, transactions, evm } = adapter;
    const timeoutMs = params.receiptTimeoutMs;
    const evidence: Record<string, unknown> = { admin: governance.admin.address, caller: account.address };
    const expected = {
      live: 'set(1), set(3) executed and stored',
      frozen: 'set(2) refused or failed; state unchanged',
      abolished: 'set(4), set(5) refused or failed; revival refused',
    };
    const adminAct = async (action: GovernanceAction) =>
      submitAndFollow(transactions, await governance.signAsAdmin(governance.intent(action)), timeoutMs);

    const deployment = await deployLifecycleTarget(adapter, account, timeoutMs);
    Object.assign(evidence, deployment.evidence);
    if (!deployment.deployed)
      return {
        status: 'error',
        summary: `precondition: the lifecycle target could not be deployed (${describeAct(deployment.act, timeoutMs)})`,
        evidence,
      };
    const contract = deployment.address;

    const problems: string[] = [];
    const steps: Record<string, unknown>[] = [];
    const slot = async () => wordValue(await evm.getStorageAt(contract, valueSlot));
    const call = async (v: bigint, phase: 'live' | 'stopped') => {
      const before = await slot();
      const act: ActResult = await attemptAs(
        transactions,
        lifecycleTargetSet(contract, v),
        account,
        timeoutMs,
      );
      const after = await slot();
      steps.push({
        call: `set(${v})`,
        phase,
        ...actEvidence(act, timeoutMs),
        slot0Before: before.toString(),
        slot0After: after.toString(),
      });
      const result = describeAct(act, timeoutMs);
      if (phase === 'live' && (act.kind !== 'executed' || after !== v))
        problems.push(`set(${v}) on the live contract was ${result} and slot 0 holds ${after}`);
      if (phase === 'stopped') {
        if (act.kind === 'executed' || act.kind === 'pending' || after !== before)
          problems.push(
            `set(${v}) on the ${statusNow} contract was ${result}${after !== before ? `, and slot 0 changed from ${before} to ${after}` : ''}`,
          );
      }
      return result;
    };
    let statusNow: GovernedStatus = 'normal';
    const setStatus = async (status: GovernedStatus, mustTakeEffect: boolean) => {
      const act = await adminAct({ kind: 'set-contract-status', contract, status });
      const read = await governance.contractStatus(contract);
      steps.push({
        act: `set status ${status}`,
        ...actEvidence(act, timeoutMs),
        statusAfter: readingEvidence(read),
      });
      if (read.kind !== 'read') {
        problems.push(`the contract status cannot be read: ${readingProblem(read)}`);
        return;
      }
      statusNow = read.value;
      if (mustTakeEffect && (act.kind !== 'executed' || read.value !== status))
        problems.push(
          `the ${status === 'normal' ? 'unfreeze' : status === 'frozen' ? 'freeze' : 'abolition'} did not take effect (${describeAct(act, timeoutMs)}; status ${read.value})`,
        );
      if (!mustTakeEffect && read.value === status)
        problems.push(
          `an abolished contract was revived: the administrator set it ${status} (${describeAct(act, timeoutMs)})`,
        );
    };

    const actual: Record<string, string> = {};
    actual.live = await call(1n, 'live');
    await setStatus('frozen', true);
    actual.frozen = await call(2n, 'stopped');
    await setStatus('normal', true);
    actual.unfrozen = await call(3n, 'live');
    await setStatus('abolished', true);
    actual.abolished = await call(4n, 'stopped');
    await setStatus('normal', false);
    actual.afterRevival = await call(5n, 'stopped');
    evidence.steps = steps;
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
    return {
      status: 'pass',
      summary: `calls while frozen (${actual.frozen}) and abolished (${actual.abolished}) had no effect; live calls stored their values; abolition was final`,
      expected,
      actual,
      evidence,
    };
  },
});
