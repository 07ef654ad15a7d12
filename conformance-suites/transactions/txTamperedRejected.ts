import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';

/**
 * TX-04 — JR/T 0184-2020 10.1: ledger data must not be changed without authorisation in transmission.
 * A signed transaction whose payload was altered after signing (signature kept) must be refused:
 * accepting it means the node executes something the key holder never signed, or attributes it to
 * whatever sender the broken signature happens to recover to.
 *
 * Comparison policy: any acknowledgement is a fail; whether the signer's nonce moved is recorded as
 * evidence either way, and a moved nonce also fails a rejection (state must be unchanged).
 * Fault-proxy fault: `tampered-tx-accepted`.
 */
export const txTamperedRejected: CheckDefinition = {
  id: 'tx-tampered-rejected',
  catalogueId: 'TX-04',
  kind: 'conformance',
  title: { zh: '被篡改的交易被拒绝', en: 'Tampered transaction is rejected' },
  clauseIds: ['0184-10.1'],
  requires: ['tx.clientSign', 'tx.tamper'],
  description:
    'Signs a 1-wei transfer from the primary account, changes one payload field after signing ' +
    '(adapter.transactions.tamper, signature untouched) and submits the result. Passes when the node answers ' +
    'with a JSON-RPC error and the signer nonce (pending) is unchanged.',
  failsWhen:
    'The node acknowledges the tampered transaction, or the signer nonce moves. Shown by the fault-proxy ' +
    'fault "tampered-tx-accepted".',
  async run({ adapter }) {
    // `requires` guarantees the transactions API (ChainAdapter: optional parts match capabilities).
    const txs = adapter.transactions!;
    const signer = txs.primary.address;
    const [recipient] = txs.deriveAccounts(1, 'tx-tampered-rejected');
    const nonceBefore = await txs.getNonce(signer, 'pending');
    const signed = await txs.signTransfer({
      from: txs.primary,
      to: recipient!.address,
      valueWei: 1n,
      nonce: nonceBefore,
    });
    const tampered = txs.tamper(signed.raw);
    const answer = await txs.submit(tampered);
    const nonceAfter = await txs.getNonce(signer, 'pending');
    const nonceMoved = nonceAfter !== nonceBefore;
    const evidence = {
      signedRaw: signed.raw,
      tamperedRaw: tampered,
      answer,
      signerNonceBefore: nonceBefore.toString(),
      signerNonceAfter: nonceAfter.toString(),
      signerNonceMoved: nonceMoved,
    };
    const expected = { answer: 'JSON-RPC error', signerNonceMoved: false };
    const actual = {
      answer: answer.accepted
        ? `accepted as ${answer.txId}`
        : `rejected ${answer.error.code}: ${answer.error.message}`,
      signerNonceMoved: nonceMoved,
    };
    if (!answer.accepted && !nonceMoved) {
      return {
        status: 'pass',
        summary: `tampered transaction rejected with ${answer.error.code} "${answer.error.message}"`,
        expected,
        actual,
        evidence,
      };
    }
    const summary = answer.accepted
      ? `the node accepted a transaction altered after signing (answered ${answer.txId}; signer nonce ${nonceMoved ? 'moved' : 'did not move'})`
      : `the node rejected the tampered transaction, but the signer nonce moved from ${nonceBefore} to ${nonceAfter}`;
    return { status: 'fail', summary, expected, actual, evidence };
  },
};
