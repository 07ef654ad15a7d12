import { randomBytes } from 'node:crypto';
import type { GovernanceAction } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { fundIdentities } from '#core/run/fundIdentities.ts';
import {
  actEvidence,
  describeAct,
  readingEvidence,
  readingProblem,
  submitAndFollow,
} from './governanceSteps.ts';
import { lifecycleTargetDeploy } from './loadLifecycleTarget.ts';

/**
 * SC-04 — JR/T 0184-2020 12.3 (access control for users of contracts) and 12.8 (controlled
 * deployment). A fresh account, funded by the step, must not hold the deploy right and must not be able
 * to deploy; once the governance identity grants it the right it deploys (the control that shows the
 * refusal came from the permission); the right is then revoked.
 *
 * Comparison policy: the unpermitted deployment must be refused, or recorded as failed, and leave no
 * code; a deployment that leaves code fails, as does a fresh account holding the right by default.
 * The permitted deployment must execute and leave code, and the grant and revoke must be read back.
 * An unpermitted deployment the node accepts and never records is inconclusive (`error`).
 */
export const contractDeployPermissioned = defineCheck({
  id: 'contract-deploy-permissioned',
  catalogueId: 'SC-04',
  kind: 'conformance',
  title: { zh: '合约部署受权限控制', en: 'Contract deployment needs the deploy right' },
  requires: ['perm.write', 'tx.clientSign', 'tx.receipts', 'contract.evm', 'account.fund'],
  parameters: [receiptTimeoutMs],
  faults: ['unauthorised-deploy-accepted'],
  // The funding transfer, and the two deployments the funded account sends (their fees are the value moved).
  budget: () => [
    { kind: 'transfer', count: 1 },
    { kind: 'deploy', count: 2 },
  ],
  description:
    'Funds a fresh account and has it deploy a small contract without the deploy right; then the governance identity ' +
    'grants the right, the account deploys again, and the right is revoked. Passes when the fresh account holds no ' +
    'right, its first deployment is refused or recorded as failed with no code, and the permitted one leaves code.',
  failsWhen:
    'An account without the deploy right deploys code, a fresh account holds the right by default, or the granted ' +
    'right does not let it deploy (or is not read back).',
  async run({ adapter, params, account }) {
    const { governance, transactions, identities, evm } = adapter;
    const timeoutMs = params.receiptTimeoutMs;
    const [deployer] = identities.derive(`sc-04/${randomBytes(6).toString('hex')}`, 1);
    if (!deployer) throw new Error('derive returned no identity');
    const amount = await adapter.accounts.quote([{ kind: 'deploy', count: 2 }]);
    await fundIdentities(adapter, account, [{ identity: deployer, amount }], { timeoutMs });
    const evidence: Record<string, unknown> = { deployer: deployer.address, admin: governance.admin.address };
    const expected = {
      rightByDefault: false,
      unpermittedDeploy: 'refused or recorded as failed; no code',
      permittedDeploy: 'executed; code present',
    };
    const right = async () => governance.hasPermission('deploy', deployer.address);
    const before = await right();
    evidence.rightBefore = readingEvidence(before);
    if (before.kind !== 'read')
      return {
        status: 'fail',
        summary: `the deploy right cannot be read: ${readingProblem(before)}`,
        expected,
        evidence,
      };

    const deploy = async () =>
      submitAndFollow(transactions, await transactions.sign(lifecycleTargetDeploy(), deployer), timeoutMs);
    const codeOf = async (address: string | null | undefined) =>
      address ? await evm.getCode(address) : '0x';

    const unpermitted = await deploy();
    const strayCode = await codeOf(unpermitted.outcome?.contractAddress);
    evidence.unpermittedDeploy = { ...actEvidence(unpermitted, timeoutMs), code: strayCode.slice(0, 42) };

    const admin = async (label: string, action: GovernanceAction) => {
      const act = await submitAndFollow(
        transactions,
        await governance.signAsAdmin(governance.intent(action)),
        timeoutMs,
      );
      const after = await right();
      evidence[label] = { ...actEvidence(act, timeoutMs), rightAfter: readingEvidence(after) };
      return { act, after };
    };
    const grant = await admin('grant', { kind: 'grant', scope: 'deploy', subject: deployer.address });
    const permitted = grant.after.kind === 'read' && grant.after.value ? await deploy() : undefined;
    const code = await codeOf(permitted?.outcome?.contractAddress);
    if (permitted)
      evidence.permittedDeploy = { ...actEvidence(permitted, timeoutMs), code: code.slice(0, 42) };
    const revoke = await admin('revoke', { kind: 'revoke', scope: 'deploy', subject: deployer.address });

    const actual = {
      rightByDefault: before.value,
      unpermittedDeploy: `${describeAct(unpermitted, timeoutMs)}${strayCode !== '0x' ? `; code at ${unpermitted.outcome?.contractAddress}` : ''}`,
      permittedDeploy: permitted
        ? `${describeAct(permitted, timeoutMs)}${code !== '0x' ? '; code present' : '; no code'}`
        : 'not tried: the grant did not take effect',
    };
    const problems: string[] = [];
    if (before.value)
      problems.push(
        `fresh account ${deployer.address} holds the deploy right by default: deployment is not controlled`,
      );
    if (strayCode !== '0x')
      problems.push(
        `${deployer.address}, without the deploy right, deployed a contract at ${unpermitted.outcome?.contractAddress}`,
      );
    if (grant.act.kind !== 'executed' || grant.after.kind !== 'read' || !grant.after.value)
      problems.push(
        `the administrator's grant of the deploy right did not take effect (${describeAct(grant.act, timeoutMs)})`,
      );
    else if (permitted?.kind !== 'executed' || code === '0x')
      problems.push(
        `with the deploy right granted, the account could not deploy (${actual.permittedDeploy})`,
      );
    if (revoke.act.kind !== 'executed' || revoke.after.kind !== 'read' || revoke.after.value)
      problems.push(
        `the administrator's revoke of the deploy right did not take effect (${describeAct(revoke.act, timeoutMs)})`,
      );
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
    if (unpermitted.kind === 'pending')
      return {
        status: 'error',
        summary: `the unpermitted deployment was ${actual.unpermittedDeploy}; no code appeared, but its refusal was not observed`,
        expected,
        actual,
        evidence,
      };
    return {
      status: 'pass',
      summary: `unpermitted deployment ${actual.unpermittedDeploy}; once granted the right, the account deployed; the right was revoked`,
      expected,
      actual,
      evidence,
    };
  },
});
