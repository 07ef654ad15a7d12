import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { readOwnSelfTransfer } from './readOwnSelfTransfer.ts';
import { recentTransactionsFixture } from './recentTransactionsFixture.ts';
import { txSampleBlocks, txSampleSize } from './txSampleParameters.ts';
import { type SignatureVerdict, verifyTransactionSignature } from './verifyTransactionSignature.ts';

/** Evidence lists this many broken and unsupported transactions; counts cover them all. */
const shownPerList = 10;

/**
 * TX-01 — JR/T 0184-2020 8.3 (integrity of key data by digital signature), 8.4 (authenticity by
 * signatures), 8.5 (non-repudiation of send operations) and 13.7 (non-repudiable signatures): every
 * transaction's signature must bind it to the sender the ledger names.
 *
 * The harness sends one self-transfer and reads it back by hash and from its block, then takes the
 * recent block transactions (recentTransactionsFixture). For each copy it rebuilds the signing payload
 * from the reported fields (legacy/EIP-155, 2930, 1559, 4844, 7702: rebuildSignedTransaction.ts),
 * recovers the secp256k1 signer and compares it with `from`, and compares keccak256 of the re-encoded
 * signed transaction with `hash`. For its own transaction it also knows the signer and the hash.
 *
 * Comparison policy: any mismatch, a malformed field the rebuild needs, or a signature no valid
 * transaction can carry (r/s out of range, high s) is a `fail`. Types the harness cannot rebuild are
 * neither verified nor refuted: counted and named in the summary. An unreadable sample is `error`.
 */
export const txSignatureBindsSender = defineCheck({
  id: 'tx-signature-binds-sender',
  catalogueId: 'TX-01',
  kind: 'conformance',
  title: { zh: '交易签名绑定发送方', en: 'Transaction signature binds the sender' },
  requires: ['tx.clientSign', 'tx.receipts', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs, txSampleBlocks, txSampleSize],
  fixtures: [recentTransactionsFixture],
  faults: ['wrong-sender-reported'],
  budget: () => [{ kind: 'transfer', count: 1, value: 1n }],
  description:
    "Sends a self-transfer from the step's account, reads it by hash and from its block, and takes up to " +
    'txSampleSize transactions of the last txSampleBlocks blocks. For each it rebuilds the signing payload ' +
    'from the reported fields, recovers the secp256k1 signer and re-hashes the signed encoding. Passes when ' +
    'every signer equals `from` and every hash equals `hash` (types it cannot rebuild are counted as unverified).',
  failsWhen:
    'A signature recovers to another account than `from`, a re-encoded transaction hashes to another value ' +
    'than `hash`, a field the rebuild needs is malformed, or a signature is out of range or high-s (EIP-2).',
  async run({ adapter, params, account, fixture }) {
    const self = await readOwnSelfTransfer(adapter, account, params.receiptTimeoutMs);
    if (self.kind === 'unrecorded') return self.outcome;
    const { trace, signed, sent, own } = self;
    const problems: string[] = [...own.problems];
    const verdicts: SignatureVerdict[] = [];
    for (const copy of own.copies) {
      const verdict = await verifyTransactionSignature(copy.tx);
      verdicts.push(verdict);
      if (verdict.kind === 'broken')
        problems.push(`own transaction via ${copy.source}: ${verdict.problems.join('; ')}`);
      else if (verdict.kind === 'bound' && verdict.from !== account.address.toLowerCase()) {
        problems.push(
          `own transaction via ${copy.source}: it recovers to ${verdict.from} and reports it as from, but the harness signed it as ${account.address.toLowerCase()}`,
        );
      }
    }
    const sample = await fixture(recentTransactionsFixture);
    const evidenceBase = {
      ownTransaction: { txId: sent.txId, raw: signed.raw, signer: account.address.toLowerCase() },
    };
    if (!sample.ok) {
      if (problems.length > 0) {
        return {
          status: 'fail',
          summary: problems.slice(0, 3).join('; '),
          evidence: { ...evidenceBase, problems, rpc: trace.exchanges() },
        };
      }
      return {
        status: 'error',
        summary: `own transaction verified, but the block sample could not be read: ${sample.reason}`,
        evidence: { ...evidenceBase, sampleReads: sample.calls, rpc: trace.exchanges() },
      };
    }
    problems.push(...sample.malformedBlocks);
    for (const entry of sample.transactions) {
      const verdict = await verifyTransactionSignature(entry.tx);
      verdicts.push(verdict);
      if (verdict.kind === 'broken')
        problems.push(
          `block ${entry.blockNumber} transaction ${entry.index}: ${verdict.problems.join('; ')}`,
        );
    }
    const bound = verdicts.filter((v) => v.kind === 'bound');
    const unsupported = verdicts.filter((v) => v.kind === 'unsupported');
    const byType = Object.fromEntries(
      [...new Set(bound.map((v) => v.type))].map((t) => [
        `0x${t.toString(16)}`,
        bound.filter((v) => v.type === t).length,
      ]),
    );
    const unverified =
      unsupported.length === 0
        ? ''
        : `; ${unsupported.length} left unverified (types ${[...new Set(unsupported.map((u) => u.type))].join(', ')} have no signing payload the harness knows)`;
    const evidence = {
      ...evidenceBase,
      sampledBlocks: `${sample.fromBlock}..${sample.toBlock}`,
      sampleReads: sample.calls,
      copiesChecked: verdicts.length,
      boundByType: byType,
      unsupported: unsupported.slice(0, shownPerList),
      problems: problems.slice(0, shownPerList),
      problemCount: problems.length,
      rpc: trace.exchanges(),
    };
    const expected = 'every signature recovers to `from`, every re-encoded transaction hashes to `hash`';
    if (problems.length > 0) {
      return {
        status: 'fail',
        summary: `${problems.length} signature problem(s); first: ${problems[0]}`,
        expected,
        actual: `${bound.length} of ${verdicts.length} copies bound${unverified}`,
        evidence,
      };
    }
    return {
      status: 'pass',
      summary:
        `${bound.length} transaction copies (own transaction by hash and in its block, and ${sample.transactions.length} ` +
        `from blocks ${sample.fromBlock}..${sample.toBlock}) recover to their from and hash to their hash${unverified}`,
      expected,
      actual: `${bound.length} of ${verdicts.length} copies bound${unverified}`,
      evidence,
    };
  },
});
