import { randomBytes } from 'node:crypto';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { minInterventionGovernors } from './governanceParameters.ts';
import { actEvidence, attemptAs, describeAct, readingEvidence, readingProblem } from './governanceSteps.ts';

/**
 * GOV-03 — JR/T 0184-2020 17.3.2.4: intervention accounts live inside the system, are permission
 * checked, and the rights are split across several users. Reads who holds the governance right, then
 * has the step's own (ordinary) account try to freeze a fresh account.
 *
 * Comparison policy: fail when fewer than `minInterventionGovernors` distinct identities hold the
 * right, when the ordinary account's freeze executes, or when the target reads as frozen afterwards.
 * The attempt must be refused or recorded as failed. An attempt the node accepts and never records,
 * with the target unchanged, shows neither outcome: inconclusive (`error`). When the configured admin
 * is not among the holders, or the step account is one, the probe cannot be run as designed: skip
 * (precondition). A pass relying on a `minInterventionGovernors` below the profile's requirement
 * carries a waiver.
 */
export const govInterventionAuthorised = defineCheck({
  id: 'gov-intervention-authorised',
  catalogueId: 'GOV-03',
  kind: 'conformance',
  title: {
    zh: '干预须经授权且权限分散',
    en: 'Interventions need the governance right, held by several users',
  },
  requires: ['governance.freeze', 'tx.clientSign', 'tx.receipts'],
  parameters: [minInterventionGovernors, receiptTimeoutMs],
  faults: ['unauthorised-freeze-accepted', 'intervention-rights-not-split'],
  budget: () => [{ kind: 'call', count: 1 }],
  description:
    'Reads the identities holding the governance right, then has the step account (which holds none) try to freeze a ' +
    'fresh account. Passes when at least minInterventionGovernors identities hold the right and the attempt is ' +
    'refused or recorded as failed, leaving the target normal.',
  failsWhen:
    'Fewer than minInterventionGovernors identities hold the intervention right, or an identity without it freezes ' +
    'an account (the act executes or the target reads as frozen).',
  async run({ adapter, params, requirements, account }) {
    const { governance, transactions, identities } = adapter;
    const timeoutMs = params.receiptTimeoutMs;
    const holders = await governance.governors();
    const evidence: Record<string, unknown> = {
      governors: readingEvidence(holders),
      prober: account.address,
    };
    const expected = {
      governors: `≥ ${params.minInterventionGovernors}`,
      unauthorisedFreeze: 'refused or recorded as failed; target stays normal',
    };
    const problem = readingProblem(holders);
    if (problem !== undefined || holders.kind !== 'read')
      return {
        status: 'fail',
        summary: `who holds the intervention right cannot be read: ${problem}`,
        expected,
        actual: { governors: 'unreadable' },
        evidence,
      };
    const governors = [...new Set(holders.value.map((g) => g.toLowerCase()))];
    if (!governors.includes(governance.admin.address.toLowerCase()))
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: `the configured governance identity ${governance.admin.address} is not among the ${governors.length} holders of the intervention right; configure the key of one`,
        evidence,
      };
    if (governors.includes(account.address.toLowerCase()))
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: `the step account ${account.address} holds the intervention right, so it cannot probe an unauthorised act`,
        evidence,
      };

    const [target] = identities.derive(`gov-03/${randomBytes(6).toString('hex')}`, 1);
    if (!target) throw new Error('derive returned no identity');
    const attempt = await attemptAs(
      transactions,
      governance.intent({ kind: 'set-account-status', account: target.address, status: 'frozen' }),
      account,
      timeoutMs,
    );
    const after = await governance.accountStatus(target.address);
    evidence.attempt = {
      target: target.address,
      ...actEvidence(attempt, timeoutMs),
      statusAfter: readingEvidence(after),
    };
    const statusAfter = after.kind === 'read' ? after.value : 'unreadable';
    const actual = {
      governors: governors.length,
      unauthorisedFreeze: describeAct(attempt, timeoutMs),
      targetStatus: statusAfter,
    };

    const problems: string[] = [];
    if (governors.length < params.minInterventionGovernors)
      problems.push(
        `the intervention right is held by ${governors.length} identity(ies), fewer than ${params.minInterventionGovernors}: not split across several users`,
      );
    if (attempt.kind === 'executed')
      problems.push(
        `${account.address}, which holds no governance right, froze ${target.address} (${actual.unauthorisedFreeze})`,
      );
    else if (statusAfter === 'frozen')
      problems.push(
        `${target.address} reads as frozen after ${account.address}'s unauthorised freeze was ${actual.unauthorisedFreeze}`,
      );
    if (after.kind !== 'read') problems.push(`the target's status cannot be read: ${readingProblem(after)}`);
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
    if (attempt.kind === 'pending')
      return {
        status: 'error',
        summary: `the unauthorised freeze was ${actual.unauthorisedFreeze}; the target is still ${statusAfter}, but whether the chain refuses it was not observed`,
        expected,
        actual,
        evidence,
      };

    const required = requirements.minInterventionGovernors;
    // Waived only when the pass needed the relaxed value: the chain has fewer holders than required.
    const relaxed = required !== undefined && governors.length < required;
    return {
      status: 'pass',
      summary: `${governors.length} identities hold the intervention right; an ordinary account's freeze was ${actual.unauthorisedFreeze} and the target stayed ${statusAfter}`,
      expected,
      actual,
      evidence,
      ...(relaxed
        ? {
            waiver: {
              parameter: 'minInterventionGovernors',
              value: params.minInterventionGovernors,
              requirement: required,
              note: `the right may be held by fewer than ${required} identities; its split across several users was not verified`,
            },
          }
        : {}),
    };
  },
});
