import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { createRpcTrace } from '../contracts/createRpcTrace.ts';
import { isObject } from './readTransactionCopies.ts';
import { recentTransactionsFixture } from './recentTransactionsFixture.ts';
import { submitAndRecord, unrecordedOutcome } from './submitAndRecord.ts';
import { txSampleBlocks, txSampleSize } from './txSampleParameters.ts';

/** How many transactions the check sends from the step account: two, so one signer has several. */
const ownTransactions = 2;
const shownProblems = 10;

interface Signature {
  readonly hash: string;
  readonly from: string;
  readonly r: bigint;
  readonly where: string;
}

/**
 * TX-06 — JR/T 0184-2020 8.6 (random numbers per GB/T 32915), heuristically: an ECDSA signature's r is
 * determined by its per-signature nonce k, so one signer signing two different messages with the same
 * r reused k, which reveals the private key from the two signatures. Keyless "Nick's method"
 * transactions share a fixed r across *different* signers legitimately, so only repeats within one
 * signer count. Randomness quality itself stays an evidence item (GB/T 32915 certificate).
 *
 * Comparison policy: the check sends two self-transfers from the step account and scans them (by hash)
 * with up to txSampleSize block transactions; two different transaction hashes with the same `from`
 * and the same r (as numbers) are a `fail`, as is an r or from that is not of its JSON-RPC shape.
 */
export const txNoRepeatedSignatureNonce = defineCheck({
  id: 'tx-no-repeated-signature-nonce',
  catalogueId: 'TX-06',
  kind: 'conformance',
  title: { zh: '签名随机数不重复', en: 'No signer reuses a signature nonce (repeated r)' },
  requires: ['tx.clientSign', 'tx.receipts', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs, txSampleBlocks, txSampleSize],
  fixtures: [recentTransactionsFixture],
  faults: ['repeated-signature-r'],
  budget: () => [{ kind: 'transfer', count: ownTransactions, value: BigInt(ownTransactions) }],
  description:
    "Sends two self-transfers from the step's account, reads them by hash, and scans them with up to " +
    'txSampleSize transactions of the last txSampleBlocks blocks. Passes when no signer (`from`) has two ' +
    'different transactions with the same signature r.',
  failsWhen:
    'Two different transactions of one signer share r (a reused ECDSA nonce, which leaks the key), or an r or ' +
    'from is malformed.',
  async run({ adapter, params, account, fixture }) {
    const trace = createRpcTrace(adapter.rpc);
    const scanned: Signature[] = [];
    const problems: string[] = [];
    const ownIds: string[] = [];
    for (let i = 0; i < ownTransactions; i++) {
      const signed = await adapter.transactions.sign(
        { kind: 'transfer', to: account.address, amount: 1n },
        account,
      );
      const sent = await submitAndRecord(
        adapter.transactions,
        adapter.rpc,
        trace,
        signed,
        params.receiptTimeoutMs,
      );
      if (sent.kind !== 'recorded') {
        return unrecordedOutcome(
          `self-transfer ${i + 1} of ${ownTransactions}`,
          sent,
          params.receiptTimeoutMs,
          {
            rpc: trace.exchanges(),
          },
        );
      }
      ownIds.push(sent.txId);
      const answer = await trace.request('eth_getTransactionByHash', [sent.txId]);
      const tx = answer.kind === 'result' ? answer.result : undefined;
      if (!isObject(tx)) {
        problems.push(
          `eth_getTransactionByHash(${sent.txId}) gave no transaction object for a recorded transaction`,
        );
        continue;
      }
      collect(tx, `own transaction ${sent.txId}`, scanned, problems);
    }
    const sample = await fixture(recentTransactionsFixture);
    if (!sample.ok && problems.length === 0) {
      return {
        status: 'error',
        summary: `the block sample could not be read: ${sample.reason}`,
        evidence: { ownTransactions: ownIds, sampleReads: sample.calls, rpc: trace.exchanges() },
      };
    }
    if (sample.ok) {
      problems.push(...sample.malformedBlocks);
      for (const entry of sample.transactions)
        collect(entry.tx, `block ${entry.blockNumber} transaction ${entry.index}`, scanned, problems);
    }
    const repeats = findRepeatedR(scanned);
    for (const [first, second] of repeats) {
      problems.push(
        `signer ${first.from} used r = 0x${first.r.toString(16)} in two transactions: ${first.hash} (${first.where}) and ${second.hash} (${second.where})`,
      );
    }
    const signers = new Set(scanned.map((s) => s.from));
    const distinct = new Set(scanned.map((s) => s.hash)).size;
    const multi = [...signers].filter(
      (f) => new Set(scanned.filter((s) => s.from === f).map((s) => s.hash)).size > 1,
    );
    const evidence = {
      ownTransactions: ownIds,
      ...(sample.ok
        ? { sampledBlocks: `${sample.fromBlock}..${sample.toBlock}`, sampleReads: sample.calls }
        : {}),
      transactionsScanned: distinct,
      signers: signers.size,
      signersWithSeveralTransactions: multi.length,
      problems: problems.slice(0, shownProblems),
      problemCount: problems.length,
      rpc: trace.exchanges(),
    };
    const expected = 'no signer signs two different transactions with the same r';
    if (problems.length > 0) {
      return {
        status: 'fail',
        summary: `${problems.length} problem(s); first: ${problems[0]}`,
        expected,
        actual: `${repeats.length} repeated r`,
        evidence,
      };
    }
    return {
      status: 'pass',
      summary: `${distinct} transactions of ${signers.size} signer(s) scanned (${multi.length} with several, own two included): no signer repeats r`,
      expected,
      actual: '0 repeated r',
      evidence,
    };
  },
});

function collect(
  tx: Readonly<Record<string, unknown>>,
  where: string,
  into: Signature[],
  problems: string[],
): void {
  const { hash, from, r } = tx;
  if (typeof hash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(hash)) {
    problems.push(`${where}: hash ${JSON.stringify(hash)?.slice(0, 80)} is not a 32-byte hash`);
    return;
  }
  if (typeof from !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(from)) {
    problems.push(`${where} (${hash}): from ${JSON.stringify(from)?.slice(0, 60)} is not a 20-byte address`);
    return;
  }
  if (typeof r !== 'string' || !/^0x[0-9a-fA-F]+$/.test(r)) {
    problems.push(`${where} (${hash}): r ${JSON.stringify(r)?.slice(0, 80)} is not a hex quantity`);
    return;
  }
  into.push({ hash: hash.toLowerCase(), from: from.toLowerCase(), r: BigInt(r), where });
}

/** Pairs of different transactions of one signer with the same r (the first one seen, then the repeat). */
export function findRepeatedR(signatures: readonly Signature[]): [Signature, Signature][] {
  const seen = new Map<string, Signature>();
  const repeats: [Signature, Signature][] = [];
  for (const s of signatures) {
    const key = `${s.from}/${s.r}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, s);
    else if (first.hash !== s.hash) repeats.push([first, s]);
  }
  return repeats;
}
