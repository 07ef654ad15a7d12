import { getContractAddress, type Hex } from 'viem';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { createRpcTrace, type RpcTrace } from '../contracts/createRpcTrace.ts';
import { quantity, type Receipt } from '../contracts/jsonRpcShapes.ts';
import { isObject, readTransactionCopies, type TransactionCopy } from './readTransactionCopies.ts';
import { recentTransactionsFixture, type SampledTransaction } from './recentTransactionsFixture.ts';
import { readReceipt, submitAndRecord, unrecordedOutcome } from './submitAndRecord.ts';
import { txSampleBlocks, txSampleSize } from './txSampleParameters.ts';

/**
 * Init code of the smallest contract: CODECOPY one byte (STOP, 0x00) and RETURN it as the runtime
 * code. 13 bytes, so the deployment costs little more than a transfer.
 */
const initCode = '0x6001600c60003960016000f300' as const;
const runtimeCode = '0x00';
const deployGas = 100_000n;
const shownProblems = 10;

/** Where the ledger places a transaction, as the block or the receipt says. */
interface Placement {
  readonly txId: string;
  readonly blockHash: string;
  readonly blockNumber: bigint;
  readonly index: bigint;
  readonly from: string;
  readonly to: string | null;
}

/**
 * TX-09 (chaineval extension) — JR/T 0184-2020 10.1 (ledger data is not changed in use) and JR/T
 * 0193-2020 6.9 (execution and accounting agree): every way a client can read a transaction must tell
 * the same story. For each transaction the check compares eth_getTransactionByHash, the block's
 * transaction at the receipt's index (eth_getBlockByNumber, hydrated), eth_getTransactionByBlockHashAndIndex
 * (own transactions) and eth_getTransactionReceipt: hash, blockHash, blockNumber, transactionIndex,
 * from and to, and every other field the transaction copies share. A receipt's contractAddress must be
 * the CREATE address keccak256(rlp([sender, nonce]))[12:] (Yellow Paper §7).
 *
 * The check sends a self-transfer and deploys a 1-byte contract (whose code must then be at the
 * derived address), and also checks up to txSampleSize recent block transactions.
 *
 * Comparison policy: any disagreement, missing copy or malformed field is a `fail` naming the reads
 * and both values. An unreadable sample is `error`. eth_getTransactionByHash still answering the
 * pending form just after the receipt was served is read again for up to 2 s (byHashGraceMs), the lag
 * recorded in the evidence: an index catching up is not a ledger disagreement; one that does not is.
 */
export const txLookupConsistent = defineCheck({
  id: 'tx-lookup-consistent',
  catalogueId: 'TX-09',
  kind: 'conformance',
  title: { zh: '交易查询结果前后一致', en: 'Transaction lookups agree with blocks and receipts' },
  requires: ['tx.clientSign', 'tx.receipts', 'contract.evm', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs, txSampleBlocks, txSampleSize],
  fixtures: [recentTransactionsFixture],
  faults: ['lookup-index-shifted', 'contract-address-misreported'],
  budget: () => [
    { kind: 'transfer', count: 1, value: 1n },
    { kind: 'call', count: 1 },
  ],
  description:
    'Sends a self-transfer and deploys a 1-byte contract, then reads each by hash, from its block (hydrated and by ' +
    'block hash and index) and its receipt; does the same (by hash and receipt) for up to txSampleSize recent ' +
    'block transactions. Passes when all copies agree (hash, block, index, from, to and shared fields) and every ' +
    'contractAddress is the CREATE address of its sender and nonce, with the deployed code there.',
  failsWhen:
    'Two reads of one transaction disagree, a copy is missing or malformed, a receipt reports another contract ' +
    'address than keccak256(rlp([sender, nonce]))[12:], or the deployed code is not at that address.',
  async run({ adapter, params, account, fixture }) {
    const { transactions, rpc } = adapter;
    const trace = createRpcTrace(rpc);
    const timeoutMs = params.receiptTimeoutMs;
    const signer = account.address.toLowerCase();
    const problems: string[] = [];
    const own: Record<string, unknown>[] = [];
    const intents = [
      { label: 'self-transfer', intent: { kind: 'transfer', to: account.address, amount: 1n } as const },
      {
        label: 'deployment',
        intent: { kind: 'deploy', artifact: { runtime: 'evm', code: initCode, abi: [] } } as const,
        gasLimit: deployGas,
      },
    ];
    for (const { label, intent, gasLimit } of intents) {
      const signed = await transactions.sign(intent, account, gasLimit === undefined ? {} : { gasLimit });
      const sent = await submitAndRecord(transactions, rpc, trace, signed, timeoutMs);
      if (sent.kind !== 'recorded')
        return unrecordedOutcome(`the check's ${label}`, sent, timeoutMs, { rpc: trace.exchanges() });
      const { receipt } = sent;
      const where = `own ${label} ${sent.txId}`;
      if (receipt.status !== '0x1') problems.push(`${where}: recorded with status ${receipt.status}`);
      const copies = await readTransactionCopies(trace, sent.txId, receipt);
      own.push({
        label,
        txId: sent.txId,
        block: quantity(receipt.blockNumber),
        index: quantity(receipt.transactionIndex),
        ...(copies.byHashLagMs === undefined ? {} : { byHashLaggedReceiptMs: copies.byHashLagMs }),
      });
      problems.push(...copies.problems.map((p) => `${where}: ${p}`));
      if (copies.blockHash !== undefined && copies.blockHash !== receipt.blockHash) {
        problems.push(
          `${where}: block ${receipt.blockNumber} has hash ${copies.blockHash}, the receipt names ${receipt.blockHash}`,
        );
      }
      const byIndex = await trace.request('eth_getTransactionByBlockHashAndIndex', [
        receipt.blockHash,
        quantity(receipt.transactionIndex),
      ]);
      const allCopies: TransactionCopy[] = [...copies.copies];
      if (byIndex.kind === 'result' && isObject(byIndex.result)) {
        allCopies.push({ source: 'eth_getTransactionByBlockHashAndIndex', tx: byIndex.result });
      } else {
        problems.push(
          `${where}: eth_getTransactionByBlockHashAndIndex(${receipt.blockHash}, ${quantity(receipt.transactionIndex)}) answered ${JSON.stringify(byIndex).slice(0, 120)}`,
        );
      }
      const placement = receiptPlacement(receipt);
      problems.push(...compareCopies(where, placement, allCopies, 'eth_getTransactionReceipt'));
      for (const copy of allCopies) {
        if (copy.tx.nonce !== quantity(signed.nonce ?? -1n))
          problems.push(
            `${where}: ${copy.source} reports nonce ${String(copy.tx.nonce)}, the harness signed ${quantity(signed.nonce ?? -1n)}`,
          );
        if (String(copy.tx.from).toLowerCase() !== signer)
          problems.push(
            `${where}: ${copy.source} reports from ${String(copy.tx.from)}, the harness signed as ${signer}`,
          );
      }
      if (intent.kind === 'deploy') {
        problems.push(...(await checkDeployment(trace, where, receipt, signer, signed.nonce ?? 0n)));
      } else if (receipt.contractAddress !== null && receipt.contractAddress !== undefined) {
        problems.push(`${where}: a transfer's receipt reports contractAddress ${receipt.contractAddress}`);
      }
    }
    const sample = await fixture(recentTransactionsFixture);
    if (!sample.ok) {
      if (problems.length > 0)
        return {
          status: 'fail',
          summary: `${problems.length} disagreement(s); first: ${problems[0]}`,
          evidence: { own, problems, rpc: trace.exchanges() },
        };
      return {
        status: 'error',
        summary: `own transactions agree, but the block sample could not be read: ${sample.reason}`,
        evidence: { own, sampleReads: sample.calls, rpc: trace.exchanges() },
      };
    }
    problems.push(...sample.malformedBlocks);
    // The sample's lookups are not kept whole (a busy block would fill the evidence with transaction
    // objects): the hashes looked up and every disagreement, with both values, are.
    const sampleTrace = createRpcTrace(rpc);
    for (const entry of sample.transactions) problems.push(...(await checkSampled(sampleTrace, entry)));
    const checked = intents.length + sample.transactions.length;
    const evidence = {
      own,
      sampledBlocks: `${sample.fromBlock}..${sample.toBlock}`,
      sampleReads: sample.calls,
      sampleLookups: {
        calls: 'eth_getTransactionReceipt(hash), eth_getTransactionByHash(hash) for each sampled transaction',
        hashes: sample.transactions.slice(0, 64).map((e) => String(e.tx.hash)),
      },
      transactionsChecked: checked,
      problems: problems.slice(0, shownProblems),
      problemCount: problems.length,
      rpc: trace.exchanges(),
    };
    const expected =
      'every read of a transaction agrees; contractAddress = keccak256(rlp([sender, nonce]))[12:]';
    if (problems.length > 0) {
      return {
        status: 'fail',
        summary: `${problems.length} disagreement(s); first: ${problems[0]}`,
        expected,
        actual: `${problems.length} disagreement(s) over ${checked} transactions`,
        evidence,
      };
    }
    return {
      status: 'pass',
      summary:
        `${checked} transactions read consistently by hash, in their block and in their receipt (own self-transfer and ` +
        `deployment, whose contract address is the CREATE address; ${sample.transactions.length} from blocks ${sample.fromBlock}..${sample.toBlock})`,
      expected,
      actual: `0 disagreements over ${checked} transactions`,
      evidence,
    };
  },
});

function receiptPlacement(receipt: Receipt): Placement {
  return {
    txId: receipt.transactionHash,
    blockHash: receipt.blockHash,
    blockNumber: receipt.blockNumber,
    index: receipt.transactionIndex,
    from: receipt.from,
    to: receipt.to,
  };
}

/**
 * Each copy against the placement the reference read gives (hash, block, index, from, to), then the
 * copies against each other on every field they share.
 */
function compareCopies(
  where: string,
  placement: Placement,
  copies: readonly TransactionCopy[],
  reference: string,
): string[] {
  const problems: string[] = [];
  for (const { source, tx } of copies) {
    const expected: Record<string, string | null> = {
      hash: placement.txId,
      blockHash: placement.blockHash,
      blockNumber: quantity(placement.blockNumber),
      transactionIndex: quantity(placement.index),
      from: placement.from,
      to: placement.to,
    };
    for (const [field, want] of Object.entries(expected)) {
      const got = tx[field];
      const normalized = typeof got === 'string' ? got.toLowerCase() : got;
      if (normalized !== want) {
        problems.push(
          `${where}: ${source} reports ${field} ${got === undefined ? '(missing)' : JSON.stringify(got)}, ${reference} says ${JSON.stringify(want)}`,
        );
      }
    }
  }
  for (let i = 1; i < copies.length; i++) {
    const a = copies[0]!;
    const b = copies[i]!;
    for (const field of Object.keys(a.tx)) {
      if (!(field in b.tx)) continue;
      if (canonical(a.tx[field]) !== canonical(b.tx[field])) {
        problems.push(
          `${where}: ${a.source} and ${b.source} disagree on ${field} (${JSON.stringify(a.tx[field])?.slice(0, 80)} vs ${JSON.stringify(b.tx[field])?.slice(0, 80)})`,
        );
      }
    }
  }
  return problems;
}

/** JSON with hex strings lower-cased: the same value spelled with other letter case is the same value. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    typeof v === 'string' && /^0x[0-9a-fA-F]*$/.test(v) ? v.toLowerCase() : v,
  );
}

/** contractAddress is the CREATE address, and the deployed runtime code is there. */
async function checkDeployment(
  trace: RpcTrace,
  where: string,
  receipt: Receipt,
  sender: string,
  nonce: bigint,
): Promise<string[]> {
  const derived = getContractAddress({ from: sender as Hex, nonce }).toLowerCase();
  const problems: string[] = [];
  if (receipt.to !== null) problems.push(`${where}: a deployment's receipt reports to ${receipt.to}`);
  if (receipt.contractAddress !== derived) {
    problems.push(
      `${where}: the receipt reports contractAddress ${receipt.contractAddress ?? '(none)'}, but sender ${sender} with nonce ${nonce} creates ${derived}`,
    );
  }
  const code = await trace.request('eth_getCode', [derived, 'latest']);
  if (code.kind !== 'result' || code.result !== runtimeCode) {
    problems.push(
      `${where}: eth_getCode(${derived}) answered ${JSON.stringify(code.kind === 'result' ? code.result : code.error).slice(0, 80)}, not the deployed ${runtimeCode}`,
    );
  }
  return problems;
}

/** A sampled block transaction: its lookup by hash and its receipt agree with the block. */
async function checkSampled(trace: RpcTrace, entry: SampledTransaction): Promise<string[]> {
  const where = `block ${entry.blockNumber} transaction ${entry.index}`;
  const { hash } = entry.tx;
  if (typeof hash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(hash))
    return [`${where}: hash ${JSON.stringify(hash)?.slice(0, 80)} is not a 32-byte hash`];
  const txId = hash.toLowerCase();
  const receipt = await readReceipt(trace, txId);
  if (receipt.kind === 'none')
    return [`${where} (${txId}): eth_getTransactionReceipt answered null for a transaction in a block`];
  if (receipt.kind === 'malformed') return [`${where}: ${receipt.problem}`];
  const problems: string[] = [];
  const inBlock: Placement = {
    txId,
    blockHash: entry.blockHash,
    blockNumber: entry.blockNumber,
    index: BigInt(entry.index),
    from: String(entry.tx.from).toLowerCase(),
    to: typeof entry.tx.to === 'string' ? entry.tx.to.toLowerCase() : null,
  };
  const r = receiptPlacement(receipt.receipt);
  for (const field of ['blockHash', 'blockNumber', 'index', 'from', 'to'] as const) {
    if (r[field] !== inBlock[field]) {
      problems.push(
        `${where} (${txId}): the receipt reports ${field} ${String(r[field])}, the block says ${String(inBlock[field])}`,
      );
    }
  }
  const byHash = await trace.request('eth_getTransactionByHash', [txId]);
  if (byHash.kind !== 'result' || !isObject(byHash.result)) {
    problems.push(
      `${where} (${txId}): eth_getTransactionByHash answered ${JSON.stringify(byHash).slice(0, 120)}`,
    );
    return problems;
  }
  problems.push(
    ...compareCopies(
      `${where} (${txId})`,
      inBlock,
      [
        { source: `eth_getBlockByNumber(${quantity(entry.blockNumber)}, true)`, tx: entry.tx },
        { source: 'eth_getTransactionByHash', tx: byHash.result },
      ],
      'the block',
    ),
  );
  const { contractAddress } = receipt.receipt;
  if (inBlock.to === null && contractAddress !== null && contractAddress !== undefined) {
    const nonce = entry.tx.nonce;
    if (typeof nonce === 'string' && /^0x[0-9a-fA-F]+$/.test(nonce)) {
      const derived = getContractAddress({ from: inBlock.from as Hex, nonce: BigInt(nonce) }).toLowerCase();
      if (contractAddress !== derived) {
        problems.push(
          `${where} (${txId}): the receipt reports contractAddress ${contractAddress}, but sender ${inBlock.from} with nonce ${BigInt(nonce)} creates ${derived}`,
        );
      }
    }
  }
  return problems;
}
