import { defineCheck } from '#core/checks/defineCheck.ts';
import { foreignChainId } from './foreignChainId.ts';

/**
 * TX-03 — JR/T 0184-2020 6.3.2 (anti-replay) applied across chains: a transaction signed for another
 * chain id must not execute here. EIP-155 binds the chain id into the signed payload exactly so that
 * a transaction from one network cannot be replayed on another (https://eips.ethereum.org/EIPS/eip-155).
 *
 * Comparison policy: any acknowledgement of the foreign-chain transaction is a fail, whether or not
 * it is later included; after a refusal the sender's nonce and balance must be unchanged.
 */
export const txWrongChainIdRejected = defineCheck({
  id: 'tx-wrong-chain-id-rejected',
  catalogueId: 'TX-03',
  kind: 'conformance',
  title: { zh: '错误链标识的交易被拒绝', en: 'Transaction signed for another chain id is rejected' },
  requires: ['tx.clientSign', 'tx.chainIdBinding', 'account.nonce', 'account.balance'],
  parameters: [],
  faults: ['wrong-chain-id-accepted'],
  description:
    "Signs a 1-unit transfer from the step's account for another chain id (the target's + 1) and submits it. " +
    'Passes when the node answers with an error and the sender nonce (pending) and balance are unchanged.',
  failsWhen: 'The node acknowledges the foreign-chain transaction, or the sender nonce or balance changes.',
  async run({ adapter, account }) {
    const { transactions: txs, accounts } = adapter;
    const targetChainId = adapter.info.chainId;
    const signedFor = foreignChainId(targetChainId);
    const nonceBefore = await accounts.getNonce(account.address, 'pending');
    const balanceBefore = await accounts.getBalance(account.address);
    const signed = await txs.sign({ kind: 'transfer', to: account.address, amount: 1n }, account, {
      nonce: nonceBefore,
      chainId: signedFor,
    });
    const answer = await txs.submit(signed);
    const nonceAfter = await accounts.getNonce(account.address, 'pending');
    const balanceAfter = await accounts.getBalance(account.address);
    // One look, no wait: inclusion is recorded as evidence, the verdict does not depend on it.
    const outcome = answer.accepted ? await txs.getOutcome(answer.txId) : null;
    const evidence = {
      targetChainId,
      signedChainId: signedFor,
      raw: signed.raw,
      answer,
      includedInBlock: outcome === null ? null : outcome.blockNumber.toString(),
      nonceBefore: nonceBefore.toString(),
      nonceAfter: nonceAfter.toString(),
      balanceBefore: balanceBefore.toString(),
      balanceAfter: balanceAfter.toString(),
    };
    const expected = { answer: 'an error', nonceUnchanged: true, balanceUnchanged: true };
    const actual = {
      answer: answer.accepted
        ? `accepted as ${answer.txId}`
        : `refused ${answer.error.code}: ${answer.error.message}`,
      nonceUnchanged: nonceAfter === nonceBefore,
      balanceUnchanged: balanceAfter === balanceBefore,
    };
    if (!answer.accepted && actual.nonceUnchanged && actual.balanceUnchanged) {
      return {
        status: 'pass',
        summary: `chain id ${signedFor} transaction refused with ${answer.error.code} "${answer.error.message}"; sender state unchanged`,
        expected,
        actual,
        evidence,
      };
    }
    const problems: string[] = [];
    if (answer.accepted) {
      problems.push(
        `the node accepted a transaction signed for chain id ${signedFor} (target is ${targetChainId})` +
          (outcome === null ? '' : ` and included it in block ${outcome.blockNumber}`),
      );
    }
    if (!actual.nonceUnchanged) problems.push(`sender nonce moved from ${nonceBefore} to ${nonceAfter}`);
    if (!actual.balanceUnchanged)
      problems.push(`sender balance changed from ${balanceBefore} to ${balanceAfter}`);
    return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
  },
});
