import { randomBytes } from 'node:crypto';
import type { GovernanceAction, PermissionScope } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import {
  actEvidence,
  attemptAs,
  describeAct,
  readingEvidence,
  readingProblem,
  submitAndFollow,
} from './governanceSteps.ts';

/**
 * GOV-04 — JR/T 0184-2020 13.2 (ordinary, administrator and special-permission accounts) and 13.5.2
 * (special permissions granted only through the participants' agreed policy, not taken). The step's
 * ordinary account tries to grant itself the governance right and to grant a fresh account the
 * deploy right; then the governance identity grants and revokes that deploy right, as the control
 * that shows permission management works for the role that holds it.
 *
 * Comparison policy: each ordinary grant must be refused or recorded as failed and leave the
 * permission unset; the administrator's grant and revoke must execute and be read back. An
 * ordinary grant the node accepts and never records, with nothing changed, is inconclusive (`error`).
 * A step account that already governs cannot probe: skip (precondition).
 */
export const govRoleSeparation = defineCheck({
  id: 'gov-role-separation',
  catalogueId: 'GOV-04',
  kind: 'conformance',
  title: { zh: '普通账户不能行使管理员权限', en: 'Ordinary accounts cannot use administrator rights' },
  requires: ['perm.write', 'tx.clientSign', 'tx.receipts'],
  parameters: [receiptTimeoutMs],
  faults: ['role-self-grant-accepted'],
  budget: () => [{ kind: 'call', count: 2 }],
  description:
    'Has the step account (no governance right) grant itself the governance right and grant a fresh account the ' +
    'deploy right, then has the governance identity grant and revoke that deploy right. Passes when both ordinary ' +
    'grants are refused or recorded as failed with no effect, and the administrator’s grant and revoke take effect.',
  failsWhen:
    'An ordinary account’s grant executes or takes effect (it gains the governance right, or another account the ' +
    'deploy right), or the administrator cannot grant and revoke.',
  async run({ adapter, params, account }) {
    const { governance, transactions, identities } = adapter;
    const timeoutMs = params.receiptTimeoutMs;
    const [subject] = identities.derive(`gov-04/${randomBytes(6).toString('hex')}`, 1);
    if (!subject) throw new Error('derive returned no identity');
    const evidence: Record<string, unknown> = { ordinary: account.address, admin: governance.admin.address };
    const before = await governance.hasPermission('governance', account.address);
    evidence.governsBefore = readingEvidence(before);
    if (before.kind !== 'read')
      return {
        status: 'fail',
        summary: `permissions cannot be read: ${readingProblem(before)}`,
        evidence,
      };
    if (before.value)
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: `the step account ${account.address} already holds the governance right, so it cannot probe role separation`,
        evidence,
      };

    const problems: string[] = [];
    let inconclusive = false;
    const probe = async (label: string, scope: PermissionScope, who: string) => {
      const attempt = await attemptAs(
        transactions,
        governance.intent({ kind: 'grant', scope, subject: who }),
        account,
        timeoutMs,
      );
      const after = await governance.hasPermission(scope, who);
      evidence[label] = {
        subject: who,
        ...actEvidence(attempt, timeoutMs),
        permissionAfter: readingEvidence(after),
      };
      if (attempt.kind === 'executed' || (after.kind === 'read' && after.value))
        problems.push(
          `ordinary account ${account.address} granted ${who === account.address ? 'itself' : who} the ${scope} right (${describeAct(attempt, timeoutMs)})`,
        );
      else if (after.kind !== 'read')
        problems.push(`the ${scope} right cannot be read: ${readingProblem(after)}`);
      else if (attempt.kind === 'pending') inconclusive = true;
      return describeAct(attempt, timeoutMs);
    };
    const selfGovern = await probe('grantSelfGovernance', 'governance', account.address);
    const grantDeploy = await probe('grantOtherDeploy', 'deploy', subject.address);

    const adminAct = async (label: string, action: GovernanceAction, want: boolean) => {
      const act = await submitAndFollow(
        transactions,
        await governance.signAsAdmin(governance.intent(action)),
        timeoutMs,
      );
      const after = await governance.hasPermission('deploy', subject.address);
      evidence[label] = { ...actEvidence(act, timeoutMs), permissionAfter: readingEvidence(after) };
      if (act.kind !== 'executed' || after.kind !== 'read' || after.value !== want)
        problems.push(
          `the administrator's ${action.kind} of the deploy right did not take effect (${describeAct(act, timeoutMs)}; right ${after.kind === 'read' ? (after.value ? 'held' : 'not held') : 'unreadable'})`,
        );
      return describeAct(act, timeoutMs);
    };
    const adminGrant = await adminAct(
      'adminGrant',
      { kind: 'grant', scope: 'deploy', subject: subject.address },
      true,
    );
    const adminRevoke = await adminAct(
      'adminRevoke',
      { kind: 'revoke', scope: 'deploy', subject: subject.address },
      false,
    );

    const expected = {
      ordinaryGrants: 'refused or recorded as failed, no effect',
      administratorGrantAndRevoke: 'executed and read back',
    };
    const actual = { selfGovern, grantDeploy, adminGrant, adminRevoke };
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
    if (inconclusive)
      return {
        status: 'error',
        summary:
          'an ordinary grant was accepted but not recorded in time; nothing changed, but its refusal was not observed',
        expected,
        actual,
        evidence,
      };
    return {
      status: 'pass',
      summary: `ordinary grants ${selfGovern} and ${grantDeploy}, with no effect; the administrator's grant and revoke took effect`,
      expected,
      actual,
      evidence,
    };
  },
});
