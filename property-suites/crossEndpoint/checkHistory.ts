import {
  type BlockReadOp,
  type History,
  includedBlock,
  type Op,
  type Placement,
  type StateReadOp,
  type TransferOp,
} from './History.ts';

/**
 * What a history can show wrong. `lost-update`: an included transfer's effect is missing from a read
 * at or above its block; `double-spend`: two transactions of one sender with one nonce both included,
 * or a balance lower by a transfer applied twice; `divergence`: two answers for one block number, one
 * transaction or one block hash, or a later transfer placed at or below a height already reported;
 * `non-monotonic-read`: an endpoint's height goes back; `not-visible`: an endpoint did not reach a
 * block another endpoint holds within the bound; `refused` / `not-included`: a funded transfer with the
 * right nonce refused, or acknowledged but not recorded within the receipt timeout;
 * `inconsistent-read`: a state read no history explains.
 */
export type AnomalyKind =
  | 'lost-update'
  | 'double-spend'
  | 'divergence'
  | 'non-monotonic-read'
  | 'not-visible'
  | 'refused'
  | 'not-included'
  | 'inconsistent-read';

export interface Anomaly {
  readonly kind: AnomalyKind;
  /** Index of the operation that shows it. */
  readonly op: number;
  readonly message: string;
}

/** Subsets of transfers searched to explain a balance: 2^12 sums at most. */
const maxExplained = 12;

/**
 * Judges a recorded cross-endpoint history (pure: the same history gives the same anomalies). Reads
 * on a lagging endpoint are legal: a read is judged only against transfers completed before it was
 * invoked and included at or below the block it read, and block or receipt lookups only where the
 * endpoint's reported height covers them. An endpoint that never reached a block in time shows up as
 * `not-visible` (its await-height operation), as LED-04 and LED-14 judge a node that stays behind.
 */
export function checkHistory(history: History): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const at = (e: number) => history.endpoints[e] ?? `endpoint ${e + 1}`;
  const transfers = history.ops.filter((op): op is TransferOp => op.kind === 'transfer');
  const byTx = new Map(transfers.map((t) => [t.txId.toLowerCase(), t]));

  // Outcomes of the submissions themselves.
  for (const t of transfers) {
    if (t.outcome.kind === 'refused')
      anomalies.push({
        kind: 'refused',
        op: t.index,
        message: `${at(t.endpoint)} refused ${describeTransfer(t)}, funded and with the sender's next nonce: ${t.outcome.error}`,
      });
    if (t.outcome.kind === 'not-included')
      anomalies.push({
        kind: 'not-included',
        op: t.index,
        message: `${at(t.endpoint)} acknowledged ${describeTransfer(t)} but did not record it within ${t.outcome.afterMs} ms`,
      });
  }

  // Heights: never back on one endpoint; the bounded wait for propagation.
  const lastHeight = new Map<number, { height: bigint; op: number }>();
  for (const op of history.ops) {
    // An await-height operation saw `height` first and `reached` last.
    const seen = op.kind === 'await-height' ? op.reached : op.height;
    const before = lastHeight.get(op.endpoint);
    if (before !== undefined && op.height < before.height)
      anomalies.push({
        kind: 'non-monotonic-read',
        op: op.index,
        message: `${at(op.endpoint)} reported height ${op.height} at operation ${op.index} after height ${before.height} at operation ${before.op}`,
      });
    else if (op.kind === 'await-height' && op.reached < op.height)
      anomalies.push({
        kind: 'non-monotonic-read',
        op: op.index,
        message: `${at(op.endpoint)} went from height ${op.height} back to ${op.reached} while the harness waited (operation ${op.index})`,
      });
    if (before === undefined || seen >= before.height)
      lastHeight.set(op.endpoint, { height: seen, op: op.index });
    if (op.kind === 'await-height' && op.reached < op.required)
      anomalies.push({
        kind: 'not-visible',
        op: op.index,
        message: `${op.reason} is not visible on ${at(op.endpoint)} after ${op.waitedMs} ms: it is at height ${op.reached}, below block ${op.required}`,
      });
  }

  anomalies.push(...blockDivergence(history, at));
  anomalies.push(...receiptAnomalies(history, byTx, at));
  anomalies.push(...sameNonceIncluded(history, byTx, at));
  for (const op of history.ops) {
    if (op.kind === 'read-state') anomalies.push(...judgeStateRead(history, transfers, op, at));
    // A transfer sent after an endpoint reported a height cannot land at or below it on one ledger.
    if (op.kind === 'transfer' && op.outcome.kind === 'included') {
      const block = op.outcome.blockNumber;
      const earlier = history.ops.find(
        (o) => o.index < op.index && o.completedAtMs <= op.invokedAtMs && o.height >= block,
      );
      if (earlier !== undefined)
        anomalies.push({
          kind: 'divergence',
          op: op.index,
          message: `${describeTransfer(op)} was included in block ${block} on ${at(op.endpoint)}, but ${at(earlier.endpoint)} had already reported height ${earlier.height} before it was sent (operation ${earlier.index}): the ledgers are not one`,
        });
    }
  }
  return anomalies.sort((a, b) => a.op - b.op);
}

/** Block numbers with two hashes, and lookups an endpoint's height covers but it cannot answer. */
function blockDivergence(history: History, at: (e: number) => string): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const seen = new Map<bigint, { hash: string; endpoint: number; op: number }>();
  const hashNumbers = new Map<string, bigint>();
  const observe = (number: bigint, hash: string, endpoint: number, op: number) => {
    const h = hash.toLowerCase();
    hashNumbers.set(h, number);
    const first = seen.get(number);
    if (first === undefined) seen.set(number, { hash: h, endpoint, op });
    else if (first.hash !== h)
      anomalies.push({
        kind: 'divergence',
        op,
        message: `block ${number} is ${h} on ${at(endpoint)} but ${first.hash} on ${at(first.endpoint)} (operation ${first.op})`,
      });
  };
  observe(history.baseline.block, history.baseline.hash, history.baseline.endpoint, -1);
  for (const op of history.ops) {
    if (op.kind === 'transfer' && op.outcome.kind === 'included')
      observe(op.outcome.blockNumber, op.outcome.blockHash, op.endpoint, op.index);
    if (op.kind === 'read-receipt' && op.receipt !== null)
      observe(op.receipt.blockNumber, op.receipt.blockHash, op.endpoint, op.index);
    if (op.kind === 'read-block' && op.block !== null)
      observe(op.block.number, op.block.hash, op.endpoint, op.index);
  }
  for (const op of history.ops.filter((o): o is BlockReadOp => o.kind === 'read-block')) {
    if (op.by === 'number') {
      const asked = BigInt(op.query);
      if (op.block === null && op.height >= asked)
        anomalies.push({
          kind: 'divergence',
          op: op.index,
          message: `${at(op.endpoint)} returns no block ${asked} although it reported height ${op.height}`,
        });
      else if (op.block !== null && op.block.number !== asked)
        anomalies.push({
          kind: 'divergence',
          op: op.index,
          message: `${at(op.endpoint)} answers block ${op.block.number} when asked for block ${asked}`,
        });
    } else {
      const number = hashNumbers.get(op.query.toLowerCase());
      if (op.block === null && number !== undefined && op.height >= number)
        anomalies.push({
          kind: 'divergence',
          op: op.index,
          message: `${at(op.endpoint)} does not know block ${op.query} (number ${number} on another endpoint) although it reported height ${op.height}`,
        });
      else if (op.block !== null && op.block.hash.toLowerCase() !== op.query.toLowerCase())
        anomalies.push({
          kind: 'divergence',
          op: op.index,
          message: `${at(op.endpoint)} answers block ${op.block.hash} when asked for block ${op.query}`,
        });
    }
  }
  return anomalies;
}

const placementText = (p: Placement) =>
  `block ${p.blockNumber} ${p.blockHash.toLowerCase()} index ${p.transactionIndex} status ${p.status}`;

/** One receipt per transaction everywhere; an included transaction's receipt wherever its block is reached. */
function receiptAnomalies(
  history: History,
  byTx: ReadonlyMap<string, TransferOp>,
  at: (e: number) => string,
): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const op of history.ops) {
    if (op.kind !== 'read-receipt') continue;
    const t = byTx.get(op.txId.toLowerCase());
    if (t === undefined || t.outcome.kind !== 'included') continue;
    if (op.receipt === null) {
      if (op.height >= t.outcome.blockNumber)
        anomalies.push({
          kind: 'lost-update',
          op: op.index,
          message: `${at(op.endpoint)} has no receipt for ${describeTransfer(t)} (block ${t.outcome.blockNumber} on ${at(t.endpoint)}) although it reported height ${op.height}`,
        });
    } else if (placementText(op.receipt) !== placementText(t.outcome))
      anomalies.push({
        kind: 'divergence',
        op: op.index,
        message: `${at(op.endpoint)} records ${describeTransfer(t)} in ${placementText(op.receipt)}; ${at(t.endpoint)} in ${placementText(t.outcome)}`,
      });
  }
  return anomalies;
}

/** Two transactions of one sender with one nonce, both with a receipt somewhere. */
function sameNonceIncluded(
  history: History,
  byTx: ReadonlyMap<string, TransferOp>,
  at: (e: number) => string,
): Anomaly[] {
  const included = new Map<string, { t: TransferOp; endpoint: number; op: number; block: bigint }>();
  const anomalies: Anomaly[] = [];
  const note = (t: TransferOp, endpoint: number, op: number, block: bigint) => {
    const key = `${t.from}/${t.nonce}`;
    const first = included.get(key);
    if (first === undefined) included.set(key, { t, endpoint, op, block });
    else if (first.t.txId.toLowerCase() !== t.txId.toLowerCase())
      anomalies.push({
        kind: 'double-spend',
        op,
        message: `two transactions of account ${t.from} with nonce ${t.nonce} are both included: ${first.t.txId} in block ${first.block} on ${at(first.endpoint)}, ${t.txId} in block ${block} on ${at(endpoint)}`,
      });
  };
  for (const op of history.ops) {
    if (op.kind === 'transfer' && op.outcome.kind === 'included')
      note(op, op.endpoint, op.index, op.outcome.blockNumber);
    if (op.kind === 'read-receipt' && op.receipt !== null) {
      const t = byTx.get(op.txId.toLowerCase());
      if (t !== undefined) note(t, op.endpoint, op.index, op.receipt.blockNumber);
    }
  }
  return anomalies;
}

/** What transfer `t` does to account `a`'s balance. */
function effect(t: TransferOp, a: number): bigint {
  if (t.outcome.kind !== 'included') return 0n;
  let d = 0n;
  if (t.to === a && t.outcome.status === 'success') d += t.value;
  if (t.from === a) d -= (t.outcome.status === 'success' ? t.value : 0n) + t.outcome.fee;
  return d;
}

/**
 * A balance and nonce read at block `atBlock` against the baseline plus every transfer completed
 * before the read and included at or below `atBlock` (later or higher ones are not judged: the
 * endpoint may lag). Reads below the baseline's block are not judged.
 */
function judgeStateRead(
  history: History,
  transfers: readonly TransferOp[],
  read: StateReadOp,
  at: (e: number) => string,
): Anomaly[] {
  const { baseline } = history;
  if (read.atBlock < baseline.block) return [];
  const a = read.account;
  const counted = transfers.filter(
    (t) =>
      t.index < read.index &&
      (includedBlock(t) ?? read.atBlock + 1n) <= read.atBlock &&
      (t.from === a || t.to === a),
  );
  const expectedBalance = counted.reduce((sum, t) => sum + effect(t, a), baseline.balances[a] ?? 0n);
  const sent = counted.filter((t) => t.from === a);
  const expectedNonce = (baseline.nonces[a] ?? 0n) + BigInt(sent.length);
  const where = `${at(read.endpoint)} at block ${read.atBlock}`;
  const anomalies: Anomaly[] = [];
  if (read.nonce < expectedNonce) {
    const missing = sent.filter((t) => t.nonce >= read.nonce).map(describeIncluded);
    const baseNonce = baseline.nonces[a] ?? 0n;
    if (read.nonce < baseNonce)
      missing.unshift(
        `the baseline of block ${baseline.block} on ${at(baseline.endpoint)} (nonce ${baseNonce})`,
      );
    anomalies.push({
      kind: 'lost-update',
      op: read.index,
      message: `${where} reports nonce ${read.nonce} for account ${a}; the history implies ${expectedNonce}: ${missing.join(', ')} missing`,
    });
  } else if (read.nonce > expectedNonce)
    anomalies.push({
      kind: 'inconsistent-read',
      op: read.index,
      message: `${where} reports nonce ${read.nonce} for account ${a}; the history implies ${expectedNonce}: a transaction the history does not hold was included`,
    });
  if (read.balance === expectedBalance) return anomalies;
  const diff = expectedBalance - read.balance;
  const explained = counted.length > maxExplained ? undefined : smallestSubset(counted, a, diff);
  const twice = counted.length > maxExplained ? undefined : smallestSubset(counted, a, -diff);
  const head = `${where} reports balance ${read.balance} for account ${a}; the history implies ${expectedBalance}`;
  if (explained !== undefined)
    anomalies.push({
      kind: 'lost-update',
      op: read.index,
      message: `${head}: the effect of ${explained.map(describeIncluded).join(', ')} is missing`,
    });
  else if (twice?.some((t) => t.from === a))
    anomalies.push({
      kind: 'double-spend',
      op: read.index,
      message: `${head}: ${twice.map(describeIncluded).join(', ')} applied twice`,
    });
  else
    anomalies.push({
      kind: counted.length === 0 ? 'lost-update' : 'inconsistent-read',
      op: read.index,
      message:
        counted.length === 0
          ? `${head} (the baseline of block ${baseline.block} on ${at(baseline.endpoint)}): the endpoint does not hold that state`
          : `${head}: no subset of the history's transfers explains the difference of ${diff}`,
    });
  return anomalies;
}

/** The smallest non-empty subset of `ts` whose effect on account `a` sums to `target`. */
function smallestSubset(ts: readonly TransferOp[], a: number, target: bigint): TransferOp[] | undefined {
  if (target === 0n) return undefined;
  let best: TransferOp[] | undefined;
  for (let mask = 1; mask < 1 << ts.length; mask++) {
    const subset = ts.filter((_, i) => (mask >> i) & 1);
    if (best !== undefined && subset.length >= best.length) continue;
    if (subset.reduce((s, t) => s + effect(t, a), 0n) === target) best = subset;
  }
  return best;
}

export function describeTransfer(t: TransferOp): string {
  return `transfer #${t.index} ${t.txId} (account ${t.from} → ${t.to}, ${t.value} wei, nonce ${t.nonce})`;
}

function describeIncluded(t: TransferOp): string {
  return `transfer #${t.index} ${t.txId} (block ${includedBlock(t)})`;
}

/** One line per operation, for evidence. */
export function describeOp(op: Op, history: History): string {
  const e = `@${op.endpoint + 1} h${op.height}`;
  switch (op.kind) {
    case 'transfer': {
      const o = op.outcome;
      const out =
        o.kind === 'included'
          ? `block ${o.blockNumber} ${o.blockHash.slice(0, 10)}… fee ${o.fee}`
          : o.kind === 'refused'
            ? `refused: ${o.error.slice(0, 80)}`
            : o.kind === 'superseded'
              ? `superseded by ${o.by.slice(0, 10)}… (${o.detail.slice(0, 60)})`
              : `not included after ${o.afterMs} ms`;
      return `#${op.index} ${e} transfer ${op.from}→${op.to} ${op.value} nonce ${op.nonce} ${op.txId.slice(0, 10)}… → ${out}`;
    }
    case 'read-state':
      return `#${op.index} ${e} state of ${history.accounts[op.account]?.slice(0, 10)}… (account ${op.account}) at block ${op.atBlock} → balance ${op.balance} nonce ${op.nonce}`;
    case 'read-receipt':
      return `#${op.index} ${e} receipt ${op.txId.slice(0, 10)}… → ${op.receipt === null ? 'null' : placementText(op.receipt)}`;
    case 'read-block':
      return `#${op.index} ${e} block by ${op.by} ${op.by === 'hash' ? `${op.query.slice(0, 10)}…` : op.query} → ${op.block === null ? 'null' : `${op.block.number} ${op.block.hash}`}`;
    case 'await-height':
      return `#${op.index} @${op.endpoint + 1} waited ${op.waitedMs} ms for block ${op.required} (${op.reason}) → height ${op.reached}`;
  }
}
