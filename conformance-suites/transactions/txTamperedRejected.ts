import type { SubmitOutcome } from '#core/adapter/ChainAdapter.ts';
import type { AdapterWith } from '#core/checks/AdapterWith.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { FundingError, fundIdentities } from '#core/run/fundIdentities.ts';

const describeAnswer = (answer: SubmitOutcome): string =>
  answer.accepted ? `accepted as ${answer.txId}` : `refused ${answer.error.code}: ${answer.error.message}`;

/**
 * TX-04 — JR/T 0184-2020 10.1: ledger data must not be changed without authorisation in transmission.
 * What a signature must guarantee is that a transaction altered after signing can never act as its
 * signer. Two probes, both from a fresh signer that never sends anything itself:
 *
 * - forged signature: the signed transfer with r = 0, a signature no key can make. Every node must
 *   refuse it, whatever anyone's funds.
 * - altered payload: the signed transfer with its amount changed, signature kept. Its signature now
 *   recovers to another key X (the harness recovers X itself). X is funded first, so a refusal cannot
 *   be for lack of funds (the old probe passed for that wrong reason). A node may refuse it, or run it
 *   as X's transaction; either way it must be attributed to X, never to the signer, and the signer's
 *   nonce and balance must not move.
 */
export const txTamperedRejected = defineCheck({
  id: 'tx-tampered-rejected',
  catalogueId: 'TX-04',
  kind: 'conformance',
  title: {
    zh: '被篡改或伪造签名的交易不能以签名者身份执行',
    en: 'A tampered or forged transaction never acts as its signer',
  },
  requires: ['tx.clientSign', 'tx.tamper', 'tx.receipts', 'account.nonce', 'account.balance'],
  parameters: [receiptTimeoutMs],
  faults: ['tampered-tx-accepted'],
  budget: () => [{ kind: 'transfer', count: 3, value: 2n }],
  description:
    'From a fresh, unfunded signer, signs a 1-unit transfer and submits it (1) with a forged signature (r = 0) and ' +
    '(2) with its amount changed after signing, after funding the address the altered signature recovers to. ' +
    'Passes when (1) is refused and (2) is refused or recorded as sent by the recovered address, with the ' +
    "signer's nonce and balance unchanged.",
  failsWhen:
    "The forged-signature transaction is acknowledged, the altered one is attributed to the signer, or the signer's " +
    'nonce or balance moves.',
  async run({ adapter, params, account }) {
    const { transactions: txs, accounts, identities } = adapter;
    // The seed moves with the step account's nonce (this check itself sends from it), so a retried or
    // repeated step signs different bytes: the same bytes again would be refused as already known,
    // which proves nothing about signatures.
    const accountNonce = await accounts.getNonce(account.address, 'pending');
    const [signer] = identities.derive(`${account.address}/tx-tampered-rejected/${accountNonce}`, 1);
    if (!signer) throw new Error('identities.derive returned no identity');
    const signed = await txs.sign({ kind: 'transfer', to: account.address, amount: 1n }, signer, {
      nonce: 0n,
    });
    const signerBefore = {
      nonce: await accounts.getNonce(signer.address, 'pending'),
      balance: await accounts.getBalance(signer.address),
    };

    const forged = await txs.forgeSignature(signed);
    const forgedAnswer = await txs.submit(forged);

    const tampered = await txs.tamper(signed);
    const recovered = tampered.from;
    let funded: string | undefined;
    if (recovered !== 'unrecoverable' && adapter.capabilities.has('account.fund')) {
      const amount = await accounts.quote([{ kind: 'transfer', count: 1, value: 2n }]);
      try {
        await fundIdentities(
          adapter as AdapterWith<'account.fund'>,
          account,
          [{ identity: { address: recovered, sigAlg: signer.sigAlg }, amount }],
          { timeoutMs: params.receiptTimeoutMs, rounds: 1 },
        );
      } catch (error) {
        // A top-up the node accepted and never recorded is a lost transaction: judged, not inconclusive.
        if (error instanceof FundingError && error.lostTopUps > 0) {
          return {
            status: 'fail',
            summary: `the node accepted a transfer from the step account but did not record it within ${params.receiptTimeoutMs} ms (a lost transaction); the tampered transaction was not probed`,
            evidence: { recovered, fundingError: error.message, forgedAnswer },
          };
        }
        throw error;
      }
      funded = amount.toString();
    }
    if (recovered !== 'unrecoverable') {
      const recoveredNonce = await accounts.getNonce(recovered, 'pending');
      if (recoveredNonce !== 0n) {
        return {
          status: 'error',
          summary: `precondition: the address the altered transaction recovers to (${recovered}) has already sent ${recoveredNonce} transaction(s), so a refusal would not show anything about its signature`,
          evidence: { recovered, recoveredNonce: recoveredNonce.toString(), forgedAnswer },
        };
      }
    }
    const tamperedAnswer = await txs.submit(tampered);
    const tamperedOutcome = tamperedAnswer.accepted
      ? await txs.awaitOutcome(tamperedAnswer.txId, params.receiptTimeoutMs)
      : null;
    const signerAfter = {
      nonce: await accounts.getNonce(signer.address, 'pending'),
      balance: await accounts.getBalance(signer.address),
    };

    const evidence = {
      signer: signer.address,
      signedRaw: signed.raw,
      forgedRaw: forged.raw,
      forgedAnswer,
      tamperedRaw: tampered.raw,
      recoveredFromTampered: recovered,
      recoveredAddressFunded: funded ?? null,
      tamperedAnswer,
      tamperedRecordedFrom: tamperedOutcome?.from ?? null,
      signerBefore: { nonce: signerBefore.nonce.toString(), balance: signerBefore.balance.toString() },
      signerAfter: { nonce: signerAfter.nonce.toString(), balance: signerAfter.balance.toString() },
    };
    const expected = {
      forgedSignature: 'refused',
      alteredPayload: `refused, or recorded as sent by ${recovered} (the key its signature recovers to)`,
      signerState: 'unchanged',
    };
    const actual = {
      forgedSignature: describeAnswer(forgedAnswer),
      alteredPayload:
        tamperedOutcome === null
          ? describeAnswer(tamperedAnswer)
          : `recorded in block ${tamperedOutcome.blockNumber} as sent by ${tamperedOutcome.from}`,
      signerState:
        signerAfter.nonce === signerBefore.nonce && signerAfter.balance === signerBefore.balance
          ? 'unchanged'
          : 'moved',
    };

    const problems: string[] = [];
    if (forgedAnswer.accepted) {
      problems.push(
        `the node accepted a transaction whose signature no key can have made (answered ${forgedAnswer.txId})`,
      );
    }
    if (tamperedOutcome !== null && tamperedOutcome.from.toLowerCase() !== recovered) {
      problems.push(
        `the altered transaction was recorded as sent by ${tamperedOutcome.from}, not by ${recovered}, the key its signature recovers to`,
      );
    }
    if (actual.signerState === 'moved') {
      problems.push(
        `the signer's state moved (nonce ${signerBefore.nonce} → ${signerAfter.nonce}, balance ${signerBefore.balance} → ${signerAfter.balance}) although it never sent anything`,
      );
    }
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
    if (tamperedAnswer.accepted && tamperedOutcome === null) {
      return {
        status: 'error',
        summary: `the altered transaction was accepted but is not on the ledger after ${params.receiptTimeoutMs} ms, so whom it was attributed to could not be seen`,
        expected,
        actual,
        evidence,
      };
    }
    return {
      status: 'pass',
      summary:
        `forged signature refused (${forgedAnswer.accepted ? '' : forgedAnswer.error.code}); altered transaction ` +
        (tamperedOutcome === null
          ? `refused (${tamperedAnswer.accepted ? '' : tamperedAnswer.error.code})`
          : `ran as ${recovered}, not as the signer`) +
        '; signer state unchanged',
      expected,
      actual,
      evidence,
    };
  },
});
