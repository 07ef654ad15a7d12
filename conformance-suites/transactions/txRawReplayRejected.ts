import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';

/**
 * TX-02 — JR/T 0184-2020 6.3.2 requires resistance to replay: the identical signed bytes of a
 * transaction that is already on the ledger must be refused, and the sender's state must move once.
 *
 * Comparison policy: the resend must be answered with a JSON-RPC error. An "accepted" answer is a
 * fail even when nothing is included a second time, because a client cannot tell an accepted replay
 * from an idempotent acknowledgement, and reference clients refuse it (geth, anvil, Besu and Hardhat
 * answer "nonce too low" or "already known"). The nonce must have advanced by exactly one.
 * Fault-proxy fault: `replay-accepted`.
 */
export const txRawReplayRejected: CheckDefinition = {
  id: 'tx-raw-replay-rejected',
  catalogueId: 'TX-02',
  kind: 'conformance',
  title: { zh: '重放的原始交易被拒绝', en: 'Replayed raw transaction is rejected' },
  clauseIds: ['0184-6.3.2'],
  requires: ['tx.clientSign', 'tx.receipts'],
  description:
    'Signs a 1-wei transfer from the primary account, submits it and waits for its receipt, then submits the ' +
    'identical raw bytes again. Passes when the resend is answered with a JSON-RPC error and the sender nonce ' +
    'advanced by exactly one (eth_getTransactionCount, pending).',
  failsWhen:
    'The node acknowledges the resend (even without including it again), or the sender nonce moves by other ' +
    'than one. Shown by the fault-proxy fault "replay-accepted".',
  async run({ adapter, params }) {
    // `requires` guarantees the transactions API (ChainAdapter: optional parts match capabilities).
    const txs = adapter.transactions!;
    const sender = txs.primary.address;
    const [recipient] = txs.deriveAccounts(1, 'tx-raw-replay-rejected');
    const nonceBefore = await txs.getNonce(sender, 'pending');
    const signed = await txs.signTransfer({
      from: txs.primary,
      to: recipient!.address,
      valueWei: 1n,
      nonce: nonceBefore,
    });
    const first = await txs.submit(signed.raw);
    if (!first.accepted) {
      return {
        status: 'error',
        summary: `precondition: the original transfer was rejected (${first.error.message}); replay not probed`,
        evidence: { txId: signed.txId, error: first.error },
      };
    }
    const receipt = await txs.waitForReceipt(first.txId, params.receiptTimeoutMs);
    if (receipt === null) {
      return {
        status: 'error',
        summary: `precondition: the original transfer ${first.txId} has no receipt after ${params.receiptTimeoutMs} ms; replay not probed`,
        evidence: { txId: first.txId, receiptTimeoutMs: params.receiptTimeoutMs },
      };
    }
    const replay = await txs.submit(signed.raw);
    const nonceAfter = await txs.getNonce(sender, 'pending');
    const nonceMoves = nonceAfter - nonceBefore;
    const evidence = {
      raw: signed.raw,
      txId: signed.txId,
      includedInBlock: receipt.blockNumber.toString(),
      replayAnswer: replay,
      nonceBefore: nonceBefore.toString(),
      nonceAfter: nonceAfter.toString(),
    };
    const expected = { replay: 'JSON-RPC error (e.g. "nonce too low" / "already known")', nonceMoves: '1' };
    const actual = {
      replay: replay.accepted
        ? `accepted as ${replay.txId}`
        : `rejected ${replay.error.code}: ${replay.error.message}`,
      nonceMoves: nonceMoves.toString(),
    };
    if (!replay.accepted && nonceMoves === 1n) {
      return {
        status: 'pass',
        summary: `replay rejected with ${replay.error.code} "${replay.error.message}"; nonce advanced once`,
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
};
