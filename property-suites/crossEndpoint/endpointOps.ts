import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import { BlockShape, QuantityShape, quantity, ReceiptShape } from '#conformance/contracts/jsonRpcShapes.ts';
import type { TxOutcome } from '#core/adapter/ChainAdapter.ts';
import type { AdapterWith } from '#core/checks/AdapterWith.ts';
import type { PropertyCapability } from '../shared/PropertySystem.ts';
import { ModelMismatchError } from '../transfers/ModelMismatchError.ts';
import type { CrossEndpointModel } from './CrossEndpointModel.ts';
import type { CrossEndpointSystem } from './CrossEndpointSystem.ts';
import { checkHistory, describeOp } from './checkHistory.ts';
import { type Placement, record, type TransferOp, type TransferOutcome } from './History.ts';

/** Polling interval while an endpoint catches up or a receipt is awaited. */
const pollMs = 100;

export const now = (): number => Math.round(performance.now());

/**
 * One JSON-RPC read of state or history through endpoint `e`. These reads name blocks the endpoint
 * itself reported, so an error answer or a malformed result is the chain's failure (as readRpc judges
 * it for the single-endpoint suites); a transport failure throws on (inconclusive).
 */
async function rpcRead<S extends z.ZodType>(
  adapter: AdapterWith<PropertyCapability>,
  label: string,
  method: string,
  params: readonly unknown[],
  shape: S,
): Promise<z.output<S>> {
  const outcome = await adapter.rpc.request(method, params);
  if (outcome.kind !== 'result') {
    const answer =
      outcome.kind === 'error'
        ? `error ${outcome.error.code} ${outcome.error.message.slice(0, 160)}`
        : `HTTP ${outcome.httpStatus}`;
    throw new ModelMismatchError(
      `${label} refused ${method}(${JSON.stringify(params)}) of state it has recorded (${answer})`,
      { method, params, answer: 'a result' },
      { method, params, answer },
    );
  }
  const parsed = shape.safeParse(outcome.result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelMismatchError(
      `${label} answered ${method} with a malformed ${issue?.path.join('.') || 'result'} (${issue?.message ?? 'invalid'})`,
      { method, params },
      { method, params, result: outcome.result },
    );
  }
  return parsed.data;
}

export const heightOf = (s: CrossEndpointSystem, e: number): Promise<bigint> =>
  rpcRead(s.network[e]!, s.labels[e]!, 'eth_blockNumber', [], QuantityShape);

/** The newest block the history knows the network holds: the baseline or the last included transfer. */
export function requiredHeight(m: CrossEndpointModel): { block: bigint; reason: string } {
  const last = m.included[m.included.length - 1];
  if (
    last === undefined ||
    last.outcome.kind !== 'included' ||
    last.outcome.blockNumber < m.history.baseline.block
  )
    return {
      block: m.history.baseline.block,
      reason: `block ${m.history.baseline.block} (the baseline read on ${m.history.endpoints[m.history.baseline.endpoint]})`,
    };
  return {
    block: last.outcome.blockNumber,
    reason: `transfer #${last.index} ${last.txId} (block ${last.outcome.blockNumber} on ${m.history.endpoints[last.endpoint]})`,
  };
}

/**
 * Waits (up to the sync bound) until endpoint `e` holds `required`, the newest block the history
 * knows, and returns its height. A lagging endpoint is legal; the wait is recorded, and one that
 * never gets there within the bound is what the checker reports as `not-visible`.
 */
export async function catchUp(
  m: CrossEndpointModel,
  s: CrossEndpointSystem,
  e: number,
  required = requiredHeight(m),
): Promise<{ readonly height: bigint; readonly reached: boolean }> {
  const invokedAtMs = now();
  const first = await heightOf(s, e);
  if (first >= required.block) return { height: first, reached: true };
  let height = first;
  const deadline = invokedAtMs + s.syncBoundMs;
  while (height < required.block && now() < deadline) {
    s.signal.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(0, deadline - now()))));
    height = await heightOf(s, e);
  }
  const completedAtMs = now();
  record(m.history, {
    kind: 'await-height',
    endpoint: e,
    invokedAtMs,
    completedAtMs,
    height: first,
    required: required.block,
    reason: required.reason,
    reached: height,
    waitedMs: completedAtMs - invokedAtMs,
  });
  return { height, reached: height >= required.block };
}

/** An account's balance and nonce at block `atBlock` (default: the endpoint's height) through `e`. */
export async function readState(
  m: CrossEndpointModel,
  s: CrossEndpointSystem,
  e: number,
  account: number,
  atBlock?: bigint,
): Promise<void> {
  const invokedAtMs = now();
  const height = await heightOf(s, e);
  const block = atBlock ?? height;
  const address = m.accounts[account]!;
  const label = s.labels[e]!;
  const adapter = s.network[e]!;
  const balance = await rpcRead(adapter, label, 'eth_getBalance', [address, quantity(block)], QuantityShape);
  const nonce = await rpcRead(
    adapter,
    label,
    'eth_getTransactionCount',
    [address, quantity(block)],
    QuantityShape,
  );
  record(m.history, {
    kind: 'read-state',
    endpoint: e,
    invokedAtMs,
    completedAtMs: now(),
    height,
    account,
    atBlock: block,
    balance,
    nonce,
  });
}

const placementOf = (r: z.output<typeof ReceiptShape>): Placement => ({
  blockNumber: r.blockNumber,
  blockHash: r.blockHash,
  transactionIndex: r.transactionIndex,
  status: r.status === '0x1' ? 'success' : 'reverted',
});

/** eth_getTransactionReceipt of a transfer of the history through `e`. */
export async function readReceipt(
  m: CrossEndpointModel,
  s: CrossEndpointSystem,
  e: number,
  t: TransferOp,
): Promise<void> {
  const invokedAtMs = now();
  const height = await heightOf(s, e);
  const receipt = await rpcRead(
    s.network[e]!,
    s.labels[e]!,
    'eth_getTransactionReceipt',
    [t.txId],
    ReceiptShape.nullable(),
  );
  record(m.history, {
    kind: 'read-receipt',
    endpoint: e,
    invokedAtMs,
    completedAtMs: now(),
    height,
    txId: t.txId,
    receipt: receipt === null ? null : placementOf(receipt),
  });
}

/** A block by number (`query` a bigint) or by hash through `e`. */
export async function readBlock(
  m: CrossEndpointModel,
  s: CrossEndpointSystem,
  e: number,
  query: bigint | string,
): Promise<void> {
  const invokedAtMs = now();
  const height = await heightOf(s, e);
  const by = typeof query === 'bigint' ? 'number' : 'hash';
  const block = await rpcRead(
    s.network[e]!,
    s.labels[e]!,
    by === 'number' ? 'eth_getBlockByNumber' : 'eth_getBlockByHash',
    [typeof query === 'bigint' ? quantity(query) : query, false],
    BlockShape.nullable(),
  );
  record(m.history, {
    kind: 'read-block',
    endpoint: e,
    invokedAtMs,
    completedAtMs: now(),
    height,
    by,
    query: String(query),
    block: block === null ? null : { number: block.number, hash: block.hash },
  });
}

/**
 * A transfer between two suite accounts, signed with the sender's next nonce by the history,
 * submitted through `e` and awaited there (up to the receipt timeout). Updates the model's balances
 * and nonces when it is included.
 */
export async function transfer(
  m: CrossEndpointModel,
  s: CrossEndpointSystem,
  e: number,
  move: { readonly from: number; readonly to: number; readonly value: bigint },
): Promise<TransferOp> {
  const adapter = s.network[e]!;
  const invokedAtMs = now();
  const height = await heightOf(s, e);
  const nonce = m.nonces[move.from]!;
  // Signed by the first endpoint's adapter, which holds the suite's derived keys (the client's wallet).
  const signed = await s.network[0]!.transactions.sign(
    { kind: 'transfer', to: s.identities[move.to]!.address, amount: move.value },
    s.identities[move.from]!,
    { nonce },
  );
  const base = {
    kind: 'transfer',
    endpoint: e,
    invokedAtMs,
    height,
    ...move,
    nonce,
    txId: signed.txId,
  } as const;
  const answer = await adapter.transactions.submit(signed);
  if (!answer.accepted) {
    return record(m.history, {
      ...base,
      completedAtMs: now(),
      outcome: { kind: 'refused', error: `${answer.error.code} ${answer.error.message.slice(0, 160)}` },
    }) as TransferOp;
  }
  if (answer.txId.toLowerCase() !== signed.txId.toLowerCase())
    throw new ModelMismatchError(
      `${s.labels[e]} acknowledged transfer ${signed.txId} under another id`,
      signed.txId,
      answer.txId,
    );
  const outcome = await adapter.transactions.awaitOutcome(signed.txId, s.receiptTimeoutMs);
  if (outcome === null)
    return record(m.history, {
      ...base,
      completedAtMs: now(),
      outcome: { kind: 'not-included', afterMs: s.receiptTimeoutMs },
    }) as TransferOp;
  const included = includedOutcome(s.labels[e]!, outcome);
  const op = record(m.history, {
    ...base,
    completedAtMs: now(),
    outcome: included,
  }) as TransferOp;
  applyTransfer(m, op);
  return op;
}

/** The history's form of a receipt the submitting endpoint returned. */
export function includedOutcome(
  label: string,
  outcome: TxOutcome,
): Extract<TransferOutcome, { kind: 'included' }> {
  if (outcome.cost === undefined)
    throw new Error(`the outcome of ${outcome.txId} states no cost, so balances cannot be followed`);
  const index = QuantityShape.safeParse(outcome.raw.transactionIndex);
  if (!index.success)
    throw new ModelMismatchError(
      `${label} answered the receipt of ${outcome.txId} without a valid transactionIndex`,
      'a hex quantity',
      outcome.raw.transactionIndex,
    );
  return {
    kind: 'included',
    fee: outcome.cost.used * outcome.cost.unitPrice,
    blockNumber: outcome.blockNumber,
    blockHash: outcome.blockHash,
    transactionIndex: index.data,
    status: outcome.status,
  };
}

/** Moves the model by an included transfer (the sender pays value + fee and uses its nonce). */
export function applyTransfer(m: CrossEndpointModel, op: TransferOp): void {
  if (op.outcome.kind !== 'included' || op.outcome.status !== 'success') return;
  m.balances[op.from] = m.balances[op.from]! - op.value - op.outcome.fee;
  m.balances[op.to] = m.balances[op.to]! + op.value;
  m.nonces[op.from] = op.nonce + 1n;
  m.included.push(op);
}

/**
 * Reads through `e` what the history says about transfer `t` and its accounts: after waiting for `e`
 * to reach the history's newest block, both accounts' state at the endpoint's height and at `t`'s
 * block, `t`'s receipt, and its block by number and by hash.
 */
export async function readAround(
  m: CrossEndpointModel,
  s: CrossEndpointSystem,
  e: number,
  t: TransferOp,
): Promise<void> {
  const { reached } = await catchUp(m, s, e);
  if (!reached || t.outcome.kind !== 'included') return;
  const { blockNumber, blockHash } = t.outcome;
  for (const account of [t.from, t.to]) {
    await readState(m, s, e, account);
    await readState(m, s, e, account, blockNumber);
  }
  await readReceipt(m, s, e, t);
  await readBlock(m, s, e, blockNumber);
  await readBlock(m, s, e, blockHash);
}

/** Throws the history's first anomaly as a ModelMismatchError (how fast-check learns the run failed). */
export function assertConsistent(m: CrossEndpointModel, after: string): void {
  const anomalies = checkHistory(m.history);
  const first = anomalies[0];
  if (first === undefined) return;
  const shown = m.history.ops
    .slice(Math.max(0, first.op - 6), first.op + 1)
    .map((op) => describeOp(op, m.history));
  throw new ModelMismatchError(
    `${first.kind} after ${after}: ${first.message}`,
    'a history every endpoint of one network could have produced',
    {
      anomalies: anomalies.slice(0, 10).map((a) => `${a.kind} at operation ${a.op}: ${a.message}`),
      anomalyCount: anomalies.length,
      operations: m.history.ops.length,
      around: shown,
    },
  );
}
