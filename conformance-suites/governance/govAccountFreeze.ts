import { randomBytes } from 'node:crypto';
import type { GovernanceAction } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { fundIdentities } from '#core/run/fundIdentities.ts';
import {
  actEvidence,
  attemptAs,
  describeAct,
  readingEvidence,
  readingProblem,
  submitAndFollow,
} from './governanceSteps.ts';

/**
 * GOV-01 — JR/T 0184-2020 13.5.1 (administrators can freeze and unfreeze accounts), 13.5.4 (frozen
 * accounts cannot transact) and 15.5 (transaction rights restricted and accounts frozen on demand).
 * A fresh account, funded by the step, is frozen by the governance identity; it then tries a transfer;
 * it is unfrozen and tries again.
 *
 * Comparison policy: the freeze and unfreeze must be executed and the status read back must follow
 * them. While frozen, the account's transfer must be refused or recorded as failed; a transfer that
 * executes, or that the node accepts and leaves pending, fails (a frozen account's transaction must not
 * wait in the pool to run later). After the unfreeze the same transfer must execute: that shows the
 * refusal came from the freeze, not from funds or nonces.
 */
export const govAccountFreeze = defineCheck({
  id: 'gov-account-freeze',
  catalogueId: 'GOV-01',
  kind: 'conformance',
  title: { zh: '账户冻结生效，解冻后恢复', en: 'A frozen account cannot transact until unfrozen' },
  requires: ['governance.freeze', 'tx.clientSign', 'tx.receipts', 'account.fund'],
  parameters: [receiptTimeoutMs],
  faults: ['frozen-account-transacts'],
  // The funding transfer, and the two transfers the funded account sends (their fees are the value moved).
  budget: () => [{ kind: 'transfer', count: 3 }],
  description:
    'Funds a fresh account, freezes it as the governance identity, has it send a 1-unit transfer, unfreezes it and ' +
    'has it send the transfer again. Passes when the freeze and unfreeze execute and are read back, the transfer ' +
    'while frozen is refused or recorded as failed, and the transfer after the unfreeze executes.',
  failsWhen:
    'The frozen account’s transfer executes or is left pending, the freeze or unfreeze is refused or not read back, ' +
    'or the unfrozen account still cannot transact.',
  async run({ adapter, params, account }) {
    const { governance, transactions, identities } = adapter;
    const timeoutMs = params.receiptTimeoutMs;
    const [target] = identities.derive(`gov-01/${randomBytes(6).toString('hex')}`, 1);
    if (!target) throw new Error('derive returned no identity');
    const amount = await adapter.accounts.quote([{ kind: 'transfer', count: 2, value: 2n }]);
    await fundIdentities(adapter, account, [{ identity: target, amount }], { timeoutMs });
    const transfer = { kind: 'transfer', to: account.address, amount: 1n } as const;
    const steps: Record<string, unknown> = { account: target.address, admin: governance.admin.address };
    const expected = {
      freeze: 'executed; status frozen',
      whileFrozen: 'refused or recorded as failed',
      unfreeze: 'executed; status normal',
      afterUnfreeze: 'executed',
    };

    const act = async (status: 'frozen' | 'normal') => {
      const action: GovernanceAction = { kind: 'set-account-status', account: target.address, status };
      const result = await submitAndFollow(
        transactions,
        await governance.signAsAdmin(governance.intent(action)),
        timeoutMs,
      );
      const read = await governance.accountStatus(target.address);
      return { result, read };
    };

    const freeze = await act('frozen');
    steps.freeze = { ...actEvidence(freeze.result, timeoutMs), statusAfter: readingEvidence(freeze.read) };
    if (freeze.result.kind !== 'executed' || freeze.read.kind !== 'read' || freeze.read.value !== 'frozen') {
      const why =
        freeze.result.kind !== 'executed'
          ? `the governance identity's freeze was ${describeAct(freeze.result, timeoutMs)}`
          : freeze.read.kind !== 'read'
            ? `the account status cannot be read after the freeze: ${readingProblem(freeze.read)}`
            : `the account reads as ${freeze.read.value} after an executed freeze`;
      return {
        status: 'fail',
        summary: `administrators cannot freeze accounts: ${why}`,
        expected,
        actual: { freeze: why },
        evidence: steps,
      };
    }

    const whileFrozen = await attemptAs(transactions, transfer, target, timeoutMs);
    steps.whileFrozen = actEvidence(whileFrozen, timeoutMs);
    const unfreeze = await act('normal');
    steps.unfreeze = {
      ...actEvidence(unfreeze.result, timeoutMs),
      statusAfter: readingEvidence(unfreeze.read),
    };
    const afterUnfreeze =
      whileFrozen.kind === 'pending' ? undefined : await attemptAs(transactions, transfer, target, timeoutMs);
    if (afterUnfreeze) steps.afterUnfreeze = actEvidence(afterUnfreeze, timeoutMs);

    const actual = {
      freeze: 'executed; status frozen',
      whileFrozen: describeAct(whileFrozen, timeoutMs),
      unfreeze: `${describeAct(unfreeze.result, timeoutMs)}; status ${unfreeze.read.kind === 'read' ? unfreeze.read.value : 'unreadable'}`,
      afterUnfreeze: afterUnfreeze
        ? describeAct(afterUnfreeze, timeoutMs)
        : 'not tried (the frozen transfer is pending)',
    };
    const problems: string[] = [];
    if (whileFrozen.kind === 'executed')
      problems.push(
        `frozen account ${target.address} transacted: its transfer ${whileFrozen.txId} ${actual.whileFrozen}`,
      );
    if (whileFrozen.kind === 'pending')
      problems.push(
        `the node accepted frozen account ${target.address}'s transfer ${whileFrozen.txId} (${actual.whileFrozen}); it must refuse it`,
      );
    if (
      unfreeze.result.kind !== 'executed' ||
      unfreeze.read.kind !== 'read' ||
      unfreeze.read.value !== 'normal'
    )
      problems.push(`the unfreeze did not take effect (${actual.unfreeze})`);
    else if (afterUnfreeze && afterUnfreeze.kind !== 'executed')
      problems.push(`the unfrozen account still cannot transact: its transfer was ${actual.afterUnfreeze}`);
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual, evidence: steps };
    return {
      status: 'pass',
      summary: `frozen account's transfer ${actual.whileFrozen}; after the unfreeze it executed`,
      expected,
      actual,
      evidence: steps,
    };
  },
});
