import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';

/**
 * TX-03 — JR/T 0184-2020 6.3.2 (anti-replay) applied across chains: a transaction signed for another
 * chain id must not execute here. EIP-155 binds the chain id into the signed payload exactly so that
 * a transaction from one network cannot be replayed on another (https://eips.ethereum.org/EIPS/eip-155).
 *
 * Comparison policy: any acknowledgement of the foreign-chain transaction is a fail, whether or not
 * it is later included; after a rejection the sender's nonce and balance must be unchanged.
 * Fault-proxy fault: `wrong-chain-id-accepted`.
 */
export const txWrongChainIdRejected: CheckDefinition = {
  id: 'tx-wrong-chain-id-rejected',
  catalogueId: 'TX-03',
  kind: 'conformance',
  title: { zh: '错误链标识的交易被拒绝', en: 'Transaction signed for another chain id is rejected' },
  clauseIds: ['0184-6.3.2'],
  requires: ['tx.clientSign', 'tx.chainIdBinding'],
  description:
    "Signs a 1-wei transfer from the primary account with chain id = the target's chain id + 1 (EIP-155) and " +
    'submits it. Passes when the node answers with a JSON-RPC error and the sender nonce (pending) and balance ' +
    'are unchanged.',
  failsWhen:
    'The node acknowledges the foreign-chain transaction, or the sender nonce or balance changes. Shown by the ' +
    'fault-proxy fault "wrong-chain-id-accepted".',
  async run({ adapter }) {
    // `requires` guarantees the transactions API (ChainAdapter: optional parts match capabilities).
    const txs = adapter.transactions!;
    const sender = txs.primary.address;
    const [recipient] = txs.deriveAccounts(1, 'tx-wrong-chain-id-rejected');
    const foreignChainId = adapter.info.chainId + 1;
    const nonceBefore = await txs.getNonce(sender, 'pending');
    const balanceBefore = await txs.getBalance(sender);
    const signed = await txs.signTransfer({
      from: txs.primary,
      to: recipient!.address,
      valueWei: 1n,
      nonce: nonceBefore,
      chainId: foreignChainId,
    });
    const answer = await txs.submit(signed.raw);
    const nonceAfter = await txs.getNonce(sender, 'pending');
    const balanceAfter = await txs.getBalance(sender);
    // One look, no wait: inclusion is recorded as evidence, the verdict does not depend on it.
    const receipt = answer.accepted ? await txs.getReceipt(answer.txId) : null;
    const evidence = {
      targetChainId: adapter.info.chainId,
      signedChainId: foreignChainId,
      raw: signed.raw,
      answer,
      includedInBlock: receipt === null ? null : receipt.blockNumber.toString(),
      nonceBefore: nonceBefore.toString(),
      nonceAfter: nonceAfter.toString(),
      balanceBeforeWei: balanceBefore.toString(),
      balanceAfterWei: balanceAfter.toString(),
    };
    const expected = { answer: 'JSON-RPC error', nonceUnchanged: true, balanceUnchanged: true };
    const actual = {
      answer: answer.accepted
        ? `accepted as ${answer.txId}`
        : `rejected ${answer.error.code}: ${answer.error.message}`,
      nonceUnchanged: nonceAfter === nonceBefore,
      balanceUnchanged: balanceAfter === balanceBefore,
    };
    if (!answer.accepted && actual.nonceUnchanged && actual.balanceUnchanged) {
      return {
        status: 'pass',
        summary: `chain id ${foreignChainId} transaction rejected with ${answer.error.code} "${answer.error.message}"; sender state unchanged`,
        expected,
        actual,
        evidence,
      };
    }
    const problems: string[] = [];
    if (answer.accepted) {
      problems.push(
        `the node accepted a transaction signed for chain id ${foreignChainId} (target is ${adapter.info.chainId})` +
          (receipt === null ? '' : ` and included it in block ${receipt.blockNumber}`),
      );
    }
    if (!actual.nonceUnchanged) problems.push(`sender nonce moved from ${nonceBefore} to ${nonceAfter}`);
    if (!actual.balanceUnchanged)
      problems.push(`sender balance changed from ${balanceBefore} to ${balanceAfter} wei`);
    return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
  },
};
