import { recoverTransactionAddress } from 'viem';
import {
  BlockShape,
  QuantityShape,
  quantity,
  TransactionShape,
} from '#conformance/contracts/jsonRpcShapes.ts';
import type { SignedTx, TxOutcome } from '#core/adapter/ChainAdapter.ts';
import { ModelMismatchError } from '../transfers/ModelMismatchError.ts';
import type { PropertySystem } from './PropertySystem.ts';
import { readRpc } from './readRpc.ts';

const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** What the included transaction must look like, and its sender's state before it, when the model knows it. */
export interface Expectation {
  readonly label: string;
  readonly status: TxOutcome['status'];
  /**
   * The sender's balance and nonce before this transaction (the model's): the state as of the block
   * before it must still read so once the chain has moved on (no other transaction of the sender
   * may share its block).
   */
  readonly before?: { readonly balance: bigint; readonly nonce: bigint };
}

/** A transaction the ledger recorded, with what it cost its sender (gasUsed × effectiveGasPrice). */
export interface Included {
  readonly outcome: TxOutcome;
  readonly fee: bigint;
}

/**
 * Submits `signed` and follows it to the ledger, checking the invariants every included transaction
 * must keep whatever it does:
 * - the node takes it (a refusal that names it, as Hardhat answers a reverting send, is followed) and
 *   acknowledges its real id; it is recorded within the receipt timeout with status `status`;
 * - the transaction's `from`, as eth_getTransactionByHash and the receipt report it, is the signer
 *   recovered from the signed bytes (JR/T 0184-2020 8.3), and its nonce is the one signed;
 * - the receipt's block contains it, and the block by hash equals the block by number (hash, parent,
 *   transactions);
 * - the receipt states its cost (gasUsed × effectiveGasPrice); without it balances cannot be
 *   modelled and the run is inconclusive (a plain Error, not a mismatch).
 */
export async function includeTransaction(
  system: PropertySystem,
  signed: SignedTx,
  expect: Expectation,
): Promise<Included> {
  await submitTransaction(system, signed, expect.label);
  return confirmIncluded(system, signed, expect);
}

/** Submits `signed`; the node must take it (or name it while refusing it) under its real id. */
export async function submitTransaction(
  system: PropertySystem,
  signed: SignedTx,
  label: string,
): Promise<void> {
  const signer = await recoverSigner(signed, label);
  const answer = await system.adapter.transactions.submit(signed);
  const acknowledged = answer.accepted ? answer.txId : answer.reportedTxId;
  if (acknowledged === undefined) {
    const error = answer.accepted ? undefined : answer.error;
    throw new ModelMismatchError(
      `${label}: the node refused a valid transaction from ${signer} (nonce ${signed.nonce}, funded): ${error?.code} ${error?.message.slice(0, 160)}`,
      { accepted: true },
      { accepted: false, error },
    );
  }
  if (!same(acknowledged, signed.txId)) {
    throw new ModelMismatchError(
      `${label}: the node acknowledged a different transaction id`,
      signed.txId,
      acknowledged,
    );
  }
}

/** Follows a submitted transaction to the ledger and checks the invariants of an included one. */
export async function confirmIncluded(
  system: PropertySystem,
  signed: SignedTx,
  expect: Expectation,
): Promise<Included> {
  const { label } = expect;
  const signer = await recoverSigner(signed, label);
  const outcome = await system.adapter.transactions.awaitOutcome(signed.txId, system.receiptTimeoutMs);
  if (!outcome) {
    throw new ModelMismatchError(
      `${label}: accepted transaction ${signed.txId} is not on the ledger after ${system.receiptTimeoutMs} ms`,
      { receipt: 'present' },
      { receipt: null },
    );
  }
  if (outcome.status !== expect.status || !same(outcome.from, signer)) {
    throw new ModelMismatchError(
      `${label}: the receipt of ${signed.txId} says status ${outcome.status} from ${outcome.from}`,
      { status: expect.status, from: signer },
      { status: outcome.status, from: outcome.from },
    );
  }
  await assertRecordedTransaction(system, signed, signer, outcome, label);
  if (expect.before !== undefined)
    await assertPastState(system, signer, outcome.blockNumber, expect.before, label);
  if (outcome.cost === undefined) {
    throw new Error(`${label}: the outcome of ${signed.txId} states no cost, so balances cannot be modelled`);
  }
  return { outcome, fee: outcome.cost.used * outcome.cost.unitPrice };
}

/** The signer the signed bytes recover to; it must be the identity the harness signed as. */
async function recoverSigner(signed: SignedTx, label: string): Promise<string> {
  const signer = (
    await recoverTransactionAddress({ serializedTransaction: signed.raw as never })
  ).toLowerCase();
  if (!same(signer, signed.from)) {
    throw new Error(
      `${label}: the harness signed ${signed.txId} as ${signed.from} but it recovers to ${signer}`,
    );
  }
  return signer;
}

/** How long a transaction by hash may still show its pending form after its receipt exists. */
const byHashGraceMs = 2_000;

/** The ledger's view of an included transaction: its sender and nonce, and the block both ways. */
async function assertRecordedTransaction(
  system: PropertySystem,
  signed: SignedTx,
  signer: string,
  outcome: TxOutcome,
  label: string,
): Promise<void> {
  // anvil can answer a transaction by hash in its pending form (no block) for a moment after its
  // receipt exists (seen on CI; TX-09 allows the same grace): read again for up to 2 s before judging.
  const graceUntil = Date.now() + byHashGraceMs;
  let tx = await readRpc(
    system,
    'eth_getTransactionByHash',
    [signed.txId],
    TransactionShape.nullable(),
    label,
  );
  while ((tx === null || tx.blockNumber === null) && Date.now() < graceUntil) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    tx = await readRpc(system, 'eth_getTransactionByHash', [signed.txId], TransactionShape.nullable(), label);
  }
  if (
    tx === null ||
    !same(tx.from, signer) ||
    (signed.nonce !== undefined && tx.nonce !== signed.nonce) ||
    tx.blockNumber !== outcome.blockNumber
  ) {
    throw new ModelMismatchError(
      `${label}: eth_getTransactionByHash(${signed.txId}) does not describe the signed transaction`,
      { from: signer, nonce: String(signed.nonce), blockNumber: String(outcome.blockNumber) },
      tx === null
        ? { transaction: null }
        : { from: tx.from, nonce: String(tx.nonce), blockNumber: String(tx.blockNumber) },
    );
  }
  const byNumber = await readRpc(
    system,
    'eth_getBlockByNumber',
    [quantity(outcome.blockNumber), false],
    BlockShape.nullable(),
    label,
  );
  const byHash = await readRpc(
    system,
    'eth_getBlockByHash',
    [outcome.blockHash, false],
    BlockShape.nullable(),
    label,
  );
  const view = (b: typeof byNumber) =>
    b === null
      ? null
      : { number: String(b.number), hash: b.hash, parentHash: b.parentHash, transactions: b.transactions };
  const expected = {
    number: String(outcome.blockNumber),
    hash: outcome.blockHash.toLowerCase(),
    contains: signed.txId,
  };
  if (
    byNumber === null ||
    byNumber.hash !== expected.hash ||
    !byNumber.transactions.some((id) => same(id, signed.txId))
  ) {
    throw new ModelMismatchError(
      `${label}: block ${outcome.blockNumber} named by the receipt does not hold ${signed.txId}`,
      expected,
      { byNumber: view(byNumber) },
    );
  }
  if (JSON.stringify(view(byHash)) !== JSON.stringify(view(byNumber))) {
    throw new ModelMismatchError(
      `${label}: block ${outcome.blockHash} by hash differs from block ${outcome.blockNumber} by number`,
      { byNumber: view(byNumber) },
      { byHash: view(byHash) },
    );
  }
}

/** The sender's balance and nonce as of the block before the transaction: still what they were then. */
async function assertPastState(
  system: PropertySystem,
  sender: string,
  block: bigint,
  before: { readonly balance: bigint; readonly nonce: bigint },
  label: string,
): Promise<void> {
  if (block === 0n) return;
  const tag = quantity(block - 1n);
  const balance = await readRpc(system, 'eth_getBalance', [sender, tag], QuantityShape, label);
  const nonce = await readRpc(system, 'eth_getTransactionCount', [sender, tag], QuantityShape, label);
  if (balance !== before.balance || nonce !== before.nonce) {
    throw new ModelMismatchError(
      `${label}: at block ${block - 1n}, before the transaction, ${sender} reads balance ${balance} nonce ${nonce}, but held ${before.balance} / ${before.nonce} then`,
      { block: String(block - 1n), balance: String(before.balance), nonce: String(before.nonce) },
      { block: String(block - 1n), balance: String(balance), nonce: String(nonce) },
    );
  }
}
