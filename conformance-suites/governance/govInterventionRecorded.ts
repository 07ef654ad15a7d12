import { randomBytes } from 'node:crypto';
import type { GovernanceAction, InterventionRecord, RecordedAction } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import {
  actEvidence,
  describeAct,
  readingEvidence,
  readingProblem,
  submitAndFollow,
} from './governanceSteps.ts';

const sameAction = (a: RecordedAction, b: GovernanceAction): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

const recordEvidence = (r: InterventionRecord) => ({ ...r, blockNumber: r.blockNumber.toString() });

/**
 * GOV-02 — JR/T 0184-2020 17.3.2.5: all interventions are stored on the chain, agreed by consensus,
 * immutable and queryable. The governance identity freezes and unfreezes a fresh account; each act's
 * outcome must carry its record, sit in the block the ledger holds at that height, and be found again
 * by a history query on every endpoint of the network, after both acts.
 *
 * Comparison policy: a record matches when action, subject, status and recorded actor (the admin)
 * are equal and it names the act's transaction. Fail when an act is not executed, its outcome carries
 * no matching record, its block does not hold it, or any endpoint's history query misses it or
 * refuses or garbles the query.
 */
export const govInterventionRecorded = defineCheck({
  id: 'gov-intervention-recorded',
  catalogueId: 'GOV-02',
  kind: 'conformance',
  title: { zh: '干预操作上链且可查询', en: 'Interventions are on the ledger and queryable' },
  requires: ['governance.freeze', 'tx.clientSign', 'tx.receipts'],
  parameters: [receiptTimeoutMs],
  faults: ['freeze-not-recorded', 'intervention-log-dropped'],
  description:
    'Freezes then unfreezes a fresh account as the governance identity. Passes when each act executes, its outcome ' +
    'records it (action, account, status, actor), the block at its height holds the transaction, and the history ' +
    'query of every endpoint returns both records.',
  failsWhen:
    'An intervention executes without a record in its outcome, its block does not hold it, or an endpoint’s history ' +
    'query misses it (or refuses or garbles the query).',
  async run({ adapter, network, params }) {
    const { governance, transactions, identities, ledger } = adapter;
    const timeoutMs = params.receiptTimeoutMs;
    const [target] = identities.derive(`gov-02/${randomBytes(6).toString('hex')}`, 1);
    if (!target) throw new Error('derive returned no identity');
    const actions: GovernanceAction[] = [
      { kind: 'set-account-status', account: target.address, status: 'frozen' },
      { kind: 'set-account-status', account: target.address, status: 'normal' },
    ];
    const admin = governance.admin.address.toLowerCase();
    const evidence: Record<string, unknown> = { account: target.address, admin };
    const expected = {
      acts: actions.length,
      recordedIn: 'outcome, block and every endpoint’s history',
      actor: admin,
    };
    const problems: string[] = [];
    const recorded: { readonly action: GovernanceAction; readonly txId: string; readonly block: bigint }[] =
      [];

    for (const [index, action] of actions.entries()) {
      const label =
        action.kind === 'set-account-status' && action.status === 'frozen' ? 'freeze' : 'unfreeze';
      const act = await submitAndFollow(
        transactions,
        await governance.signAsAdmin(governance.intent(action)),
        timeoutMs,
      );
      const step: Record<string, unknown> = actEvidence(act, timeoutMs);
      evidence[label] = step;
      if (act.kind !== 'executed' || act.outcome === null) {
        problems.push(
          `the ${label} by the governance identity was ${describeAct(act, timeoutMs)}, so nothing was recorded`,
        );
        break;
      }
      const records = governance.recordsOf(act.outcome);
      step.records = records.map(recordEvidence);
      const own = records.find((r) => sameAction(r.action, action));
      if (!own) problems.push(`the ${label} ${act.txId} executed but its outcome carries no record of it`);
      else if (own.by.toLowerCase() !== admin)
        problems.push(
          `the ${label} ${act.txId} is recorded as done by ${own.by}, not by ${admin} who signed it`,
        );
      const block = await ledger.getBlock(act.outcome.blockNumber);
      step.block = block ? { number: block.number.toString(), hash: block.hash } : null;
      if (!block || block.hash !== act.outcome.blockHash || !block.txIds.includes(act.txId))
        problems.push(
          `block ${act.outcome.blockNumber} does not hold the ${label} ${act.txId} its outcome names`,
        );
      recorded.push({ action, txId: act.txId, block: act.outcome.blockNumber });
      if (index === 0) evidence.recordedAt = act.outcome.blockNumber.toString();
    }

    const first = recorded[0];
    const last = recorded.at(-1);
    if (first && last) {
      const histories: Record<string, unknown>[] = [];
      for (const [i, node] of network.entries()) {
        const history = await node.governance.interventions(first.block, last.block);
        const entry: Record<string, unknown> = {
          endpoint: node.info.endpoint,
          query: readingEvidence(history),
        };
        histories.push(entry);
        const problem = readingProblem(history);
        if (problem !== undefined || history.kind !== 'read') {
          problems.push(`endpoint ${i + 1}: ${problem}`);
          continue;
        }
        entry.answer = history.value.map(recordEvidence);
        for (const r of recorded) {
          const found = history.value.some(
            (h) =>
              h.txId === r.txId &&
              h.blockNumber === r.block &&
              sameAction(h.action, r.action) &&
              h.by.toLowerCase() === admin,
          );
          if (!found)
            problems.push(
              `endpoint ${i + 1} (${node.info.endpoint}): the history of blocks ${first.block}..${last.block} misses intervention ${r.txId}`,
            );
        }
      }
      evidence.histories = histories;
    }
    const actual = { recordedActs: recorded.length, problems: problems.length };
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
    return {
      status: 'pass',
      summary: `freeze and unfreeze of ${target.address} recorded in their outcomes, blocks and the history of ${network.length} endpoint(s)`,
      expected,
      actual,
      evidence,
    };
  },
});
