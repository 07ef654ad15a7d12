import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { activityOutcome } from './activityOutcome.ts';
import { createRpcLog, createRpcReader, type RpcReader, rpcEvidence } from './evm/createRpcReader.ts';
import { BlockHeadShape, FullBlockShape, QuantityShape, TransactionShape } from './evm/rpcShapes.ts';
import { ledgerActivityFixture, ownBlockNumbers } from './ledgerActivityFixture.ts';

const maxListed = 10;
/** Transactions per block looked up by index (a busy block may hold thousands). */
const maxIndexLookups = 16;
/** Fields a transaction must carry identically whichever lookup returned it. */
const transactionIdentity = [
  'hash',
  'blockHash',
  'blockNumber',
  'transactionIndex',
  'from',
  'to',
  'nonce',
  'input',
  'value',
];

/** Stable JSON (keys sorted) so two answers compare by content, not key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** The first field where two objects differ, for a readable fail reason. */
function firstDifference(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  fields?: readonly string[],
): string | undefined {
  const keys = fields ?? [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const key of keys) {
    const x = canonical(a[key]);
    const y = canonical(b[key]);
    if (x !== y) return `${key}: ${x?.slice(0, 80) ?? 'absent'} vs ${y?.slice(0, 80) ?? 'absent'}`;
  }
  return undefined;
}

/**
 * LED-10 (chaineval extension) — JR/T 0184-2020 7.7 (interfaces functionally complete and
 * consistent); JR/T 0193-2020 §6.1 (history retrievable) and §6.10 (interface management). A regulator's
 * tools look the same ledger up in different ways; every way must give the same answer.
 *
 * Comparison policy, for each block holding the step's own transactions:
 * eth_getBlockByHash(hash) equals eth_getBlockByNumber(n), field for field, in both the hash-only and
 * the full form; the two forms agree on every header field and the hash-only list is the full list's
 * hashes; eth_getBlockTransactionCountByNumber/ByHash equal the list's length;
 * eth_getTransactionByBlockNumberAndIndex, eth_getTransactionByBlockHashAndIndex and
 * eth_getTransactionByHash return the transaction the block lists at that index (same hash, block,
 * index, sender, nonce, input, value); the index one past the last answers null (ethereum/execution-apis:
 * "not found" is null, not an error). Then eth_blockNumber before and after 'latest' brackets its
 * number, and 'earliest' is block 0.
 */
export const ledgerLookupsAgree = defineCheck({
  id: 'ledger-lookups-agree',
  catalogueId: 'LED-10',
  kind: 'conformance',
  title: { zh: '各查询接口返回一致的账本', en: 'Every ledger lookup gives the same answer' },
  requires: ['rpc.jsonrpc', 'tx.clientSign', 'tx.receipts', 'contract.evm'],
  parameters: [receiptTimeoutMs],
  fixtures: [ledgerActivityFixture],
  faults: ['tx-by-index-off-by-one', 'block-tx-count-wrong'],
  description:
    "For each block holding the step's own transactions, compares block lookups by number and by hash (both forms), the " +
    'transaction counts by number and by hash, and transaction lookups by block number and index, block hash and index ' +
    "and transaction hash; then eth_blockNumber against 'latest' and 'earliest' against block 0. Passes when all agree.",
  failsWhen:
    "Two lookups of the same block or transaction differ, a count differs from the block's list, an index past the end " +
    "answers anything but null, or 'latest'/'earliest' disagree with eth_blockNumber / block 0.",
  async run({ adapter, fixture }) {
    const activity = await fixture(ledgerActivityFixture);
    if (!activity.ok) return activityOutcome(activity, 'blocks with known transactions');
    const log = createRpcLog();
    const reader = createRpcReader(adapter.rpc, 0, adapter.info.endpoint, log);
    const problems: string[] = [];
    const own = ownBlockNumbers(activity.transactions);
    let lookups = 0;
    for (const n of own) lookups += await compareBlockLookups(reader, n, problems);
    lookups += await compareHeadLookups(reader, problems);
    const evidence = {
      blocks: own.map(String),
      lookupsCompared: lookups,
      problemCount: problems.length,
      problems: problems.slice(0, maxListed),
      ...rpcEvidence(log),
    };
    const expected = 'every lookup of the same block or transaction returns the same content';
    if (problems.length === 0) {
      return {
        status: 'pass',
        summary: `${lookups} lookups of ${own.length} blocks holding the check's own transactions, and of the head, all agree`,
        expected,
        actual: `${lookups} of ${lookups} agree`,
        evidence,
      };
    }
    return {
      status: 'fail',
      summary: `${problems.length} lookup(s) disagree: ${problems.slice(0, 2).join('; ')}`,
      expected,
      actual: { problems: problems.length, first: problems[0] },
      evidence,
    };
  },
});

/** Compares every lookup of block `n`; returns how many answers were compared. */
async function compareBlockLookups(reader: RpcReader, n: bigint, problems: string[]): Promise<number> {
  const tag = `0x${n.toString(16)}`;
  const [head, full] = await Promise.all([
    reader.readNullable('eth_getBlockByNumber', [tag, false], BlockHeadShape),
    reader.readNullable('eth_getBlockByNumber', [tag, true], FullBlockShape),
  ]);
  if (!head.ok || !full.ok) {
    for (const r of [head, full]) if (!r.ok) problems.push(r.problem);
    return 0;
  }
  if (head.value === null || full.value === null) {
    problems.push(`eth_getBlockByNumber(${tag}) returns null for a block holding the check's transaction`);
    return 0;
  }
  const hashOnly = head.value;
  const fullBlock = full.value;
  const headRaw = head.raw as Record<string, unknown>;
  const fullRaw = full.raw as Record<string, unknown>;
  const [byHashHead, byHashFull, countByNumber, countByHash] = await Promise.all([
    reader.readNullable('eth_getBlockByHash', [hashOnly.hash, false], BlockHeadShape),
    reader.readNullable('eth_getBlockByHash', [hashOnly.hash, true], FullBlockShape),
    reader.read('eth_getBlockTransactionCountByNumber', [tag], QuantityShape),
    reader.read('eth_getBlockTransactionCountByHash', [hashOnly.hash], QuantityShape),
  ]);
  const pairs = [
    ['eth_getBlockByHash(hash, false)', byHashHead, 'eth_getBlockByNumber(n, false)', headRaw],
    ['eth_getBlockByHash(hash, true)', byHashFull, 'eth_getBlockByNumber(n, true)', fullRaw],
  ] as const;
  for (const [name, byHash, refName, reference] of pairs) {
    if (!byHash.ok) problems.push(byHash.problem);
    else if (byHash.value === null)
      problems.push(`${name} for block ${n} (${hashOnly.hash}) returns null; ${refName} returns the block`);
    else {
      const diff = firstDifference(byHash.raw as Record<string, unknown>, reference);
      if (diff !== undefined) problems.push(`block ${n}: ${name} and ${refName} differ at ${diff}`);
    }
  }
  // `size` is left out: it may legitimately count the hashes or the transactions (LED-09 judges it).
  const headerKeys = [...new Set([...Object.keys(headRaw), ...Object.keys(fullRaw)])].filter(
    (k) => k !== 'transactions',
  );
  const formDiff = firstDifference(headRaw, fullRaw, headerKeys);
  if (formDiff !== undefined) problems.push(`block ${n}: the hash-only and full forms differ at ${formDiff}`);
  const listed = fullBlock.transactions.map((t) => t.hash);
  if (canonical(listed) !== canonical(hashOnly.transactions))
    problems.push(
      `block ${n}: the hash-only form lists ${canonical(hashOnly.transactions)}, the full form ${canonical(listed)}`,
    );
  for (const [name, count] of [
    ['eth_getBlockTransactionCountByNumber', countByNumber],
    ['eth_getBlockTransactionCountByHash', countByHash],
  ] as const) {
    if (!count.ok) problems.push(count.problem);
    else if (count.value !== BigInt(listed.length))
      problems.push(
        `block ${n}: ${name} answers ${count.value}; the block lists ${listed.length} transaction(s)`,
      );
  }
  let compared = 6;
  for (const [i, tx] of fullBlock.transactions.slice(0, maxIndexLookups).entries()) {
    const index = `0x${i.toString(16)}`;
    const listedTx = ((fullRaw.transactions as unknown[])[i] ?? {}) as Record<string, unknown>;
    const lookups = await Promise.all([
      reader.readNullable('eth_getTransactionByBlockNumberAndIndex', [tag, index], TransactionShape),
      reader.readNullable('eth_getTransactionByBlockHashAndIndex', [hashOnly.hash, index], TransactionShape),
      reader.readNullable('eth_getTransactionByHash', [tx.hash], TransactionShape),
    ]);
    const names = [
      `eth_getTransactionByBlockNumberAndIndex(${tag}, ${index})`,
      `eth_getTransactionByBlockHashAndIndex(${hashOnly.hash.slice(0, 10)}…, ${index})`,
      `eth_getTransactionByHash(${tx.hash.slice(0, 10)}…)`,
    ];
    for (const [k, lookup] of lookups.entries()) {
      compared += 1;
      if (!lookup.ok) problems.push(lookup.problem);
      else if (lookup.value === null)
        problems.push(`block ${n}: ${names[k]} returns null; the block lists ${tx.hash} at index ${i}`);
      else {
        const diff = firstDifference(lookup.raw as Record<string, unknown>, listedTx, transactionIdentity);
        if (diff !== undefined)
          problems.push(`block ${n}: ${names[k]} differs from the block's transaction ${i} at ${diff}`);
      }
    }
  }
  // Past the end: nothing is there, and the execution API answers "not found" with null.
  const past = `0x${listed.length.toString(16)}`;
  for (const [method, params] of [
    ['eth_getTransactionByBlockNumberAndIndex', [tag, past]],
    ['eth_getTransactionByBlockHashAndIndex', [hashOnly.hash, past]],
  ] as const) {
    compared += 1;
    const outcome = await reader.request(method, params);
    if (outcome.kind === 'error')
      problems.push(
        `block ${n}: ${method}(…, ${past}), one past the last transaction, answers error ${outcome.error.code} "${outcome.error.message.slice(0, 100)}" instead of null`,
      );
    else if (outcome.kind === 'result' && outcome.result !== null)
      problems.push(
        `block ${n}: ${method}(…, ${past}), one past the last transaction, returns a transaction instead of null`,
      );
  }
  return compared;
}

/** eth_blockNumber brackets 'latest', and 'earliest' is block 0; returns how many answers were compared. */
async function compareHeadLookups(reader: RpcReader, problems: string[]): Promise<number> {
  const before = await reader.read('eth_blockNumber', [], QuantityShape);
  const latest = await reader.read('eth_getBlockByNumber', ['latest', false], BlockHeadShape);
  const after = await reader.read('eth_blockNumber', [], QuantityShape);
  for (const r of [before, latest, after]) if (!r.ok) problems.push(r.problem);
  if (
    before.ok &&
    latest.ok &&
    after.ok &&
    (latest.value.number < before.value || latest.value.number > after.value)
  )
    problems.push(
      `'latest' is block ${latest.value.number}, outside eth_blockNumber read just before (${before.value}) and after (${after.value})`,
    );
  const [earliest, zero] = await Promise.all([
    reader.read('eth_getBlockByNumber', ['earliest', false], BlockHeadShape),
    reader.read('eth_getBlockByNumber', ['0x0', false], BlockHeadShape),
  ]);
  for (const r of [earliest, zero]) if (!r.ok) problems.push(r.problem);
  if (earliest.ok && zero.ok && earliest.value.hash !== zero.value.hash)
    problems.push(
      `'earliest' is block ${earliest.value.number} ${earliest.value.hash}; block 0 is ${zero.value.hash}`,
    );
  return 5;
}
