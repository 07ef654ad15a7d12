import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';

/**
 * TX-02 — JR/T 0184-2020 6.3.2 requires resistance to replay: the identical signed bytes of a
 * transaction that is already on the ledger must be refused, and the sender's state must move once.
 *
 * Comparison policy: the resend must be answered with an error. An "accepted" answer is a fail even
 * when nothing is included a second time, because a client cannot tell an accepted replay from an
 * idempotent acknowledgement, and reference clients refuse it (geth, anvil, Besu and Hardhat answer
 * "nonce too low" or "already known"). The nonce must have advanced by exactly one.
 */
export const txRawReplayRejected = defineCheck({
  id: 'tx-raw-replay-rejected',
  catalogueId: 'TX-02',
  kind: 'conformance',
  title: { zh: '重放的原始交易被拒绝', en: 'Replayed raw transaction is rejected' },
  requires: ['tx.clientSign', 'tx.receipts', 'account.nonce'],
  parameters: [receiptTimeoutMs],
  faults: ['replay-accepted'],
  budget: () => [{ kind: 'transfer', count: 1, value: 1n }],
  description:
    "Signs a 1-unit transfer from the step's own account, submits it and waits for it on the ledger, then " +
    'submits the identical signed bytes again. Passes when the resend is answered with an error and the sender ' +
    'nonce (pending) advanced by exactly one.',
  failsWhen:
    'The node acknowledges the resend (even without including it again), or the sender nonce moves by other ' +
    'than one.',
  async run({ adapter, params, account }) {
    const { transactions: txs, accounts } = adapter;
    const nonceBefore = await accounts.getNonce(account.address, 'pending');
    const signed = await txs.sign({ kind: 'transfer', to: account.address, amount: 1n }, account, {
      nonce: nonceBefore,
    });
    const first = await txs.submit(signed);
    if (!first.accepted) {
      return {
        status: 'error',
        summary: `precondition: the original transfer was refused (${first.error.code} ${first.error.message}); replay not probed`,
        evidence: { txId: signed.txId, error: first.error },
      };
    }
    const outcome = await txs.awaitOutcome(first.txId, params.receiptTimeoutMs);
    if (outcome === null) {
      // The node accepted it and never recorded it: a lost transaction is itself a defect (issue 7).
      return {
        status: 'fail',
        summary: `the node accepted the original transfer ${first.txId} but it is not on the ledger after ${params.receiptTimeoutMs} ms (a lost transaction); replay not probed`,
        evidence: { txId: first.txId, receiptTimeoutMs: params.receiptTimeoutMs },
      };
    }
    const replay = await txs.submit(signed);
    const nonceAfter = await accounts.getNonce(account.address, 'pending');
    const nonceMoves = nonceAfter - nonceBefore;
    const evidence = {
      raw: signed.raw,
      txId: signed.txId,
      includedInBlock: outcome.blockNumber.toString(),
      replayAnswer: replay,
      nonceBefore: nonceBefore.toString(),
      nonceAfter: nonceAfter.toString(),
    };
    const expected = { replay: 'an error (e.g. "nonce too low" / "already known")', nonceMoves: '1' };
    const actual = {
      replay: replay.accepted
        ? `accepted as ${replay.txId}`
        : `refused ${replay.error.code}: ${replay.error.message}`,
      nonceMoves: nonceMoves.toString(),
    };
    if (!replay.accepted && nonceMoves === 1n) {
      return {
        status: 'pass',
        summary: `replay refused with ${replay.error.code} "${replay.error.message}"; nonce advanced once`,
        expected,
        actual,
        evidence,
      };
    }
    const problems: string[] = [];
    if (replay.accepted) {
      problems.push(
        `the node accepted a replay of included transaction ${signed.txId} (answered ${replay.txId})`,
      );
    }
    if (nonceMoves !== 1n) problems.push(`the sender nonce moved by ${nonceMoves}, expected exactly 1`);
    return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
  },
});
