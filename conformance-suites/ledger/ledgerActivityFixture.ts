import { randomBytes } from 'node:crypto';
import type { Hex, SubmitOutcome, TxIntent } from '#core/adapter/ChainAdapter.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import { defineFixture } from '#core/checks/defineFixture.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { awaitReceipt } from './evm/awaitReceipt.ts';
import { createRpcLog, createRpcReader, rpcEvidence } from './evm/createRpcReader.ts';
import { ledgerProbeAbi, ledgerProbeInitCode, ledgerProbeRuntime } from './evm/ledgerProbeContract.ts';
import { DataShape, type ReceiptView } from './evm/rpcShapes.ts';

/** Fixed gas (no estimation): the probe deploys with ≈ 65k and a store costs ≈ 45k; a reverting call far less. */
const deployGas = 200_000n;
const callGas = 100_000n;

export type OwnTransactionLabel = 'deploy' | 'store' | 'store-reverting' | 'transfer';

/** One transaction the step sent to the first endpoint, with when it was sent and first seen on the ledger. */
export interface OwnTransaction {
  readonly label: OwnTransactionLabel;
  readonly txId: Hex;
  /** Harness clock (ms since the epoch) just before eth_sendRawTransaction. */
  readonly submittedAtMs: number;
  /** Harness clock when its receipt was first read. */
  readonly seenAtMs: number;
  readonly answer: SubmitOutcome;
  readonly receipt: ReceiptView;
}

export type LedgerActivity =
  | {
      readonly ok: true;
      /** The ledger probe contract (evm/ledgerProbeContract.ts). */
      readonly probe: Hex;
      /** The value `store` wrote to slot 0 (and emitted). */
      readonly storedValue: bigint;
      /** In the order sent; `store-reverting` is absent when the node refused it without naming it. */
      readonly transactions: readonly OwnTransaction[];
      readonly evidence: Readonly<Record<string, unknown>>;
    }
  | { readonly ok: false; readonly outcome: CheckOutcome };

/**
 * Transactions the ledger checks need in blocks the harness made itself (LED-04..14, CON-10), sent
 * once per step from the step's account to the first endpoint: the ledger probe deployed, a `store`
 * that writes slot 0 and emits one log, a `store(0)` that fails, and a self-transfer. Each receipt is
 * awaited, so every block holding one exists when a check reads it.
 *
 * A chain that refuses the deployment up front (a permissioned chain may) leaves nothing to inspect:
 * `skip` (precondition). A transaction the node accepted whose receipt never comes, a malformed
 * receipt, or a deployment that leaves no code or other code are what a defective ledger does: `fail`,
 * with the exchange as evidence (the brief of issue 7: a broken precondition is itself evidence).
 */
export const ledgerActivityFixture = defineFixture({
  id: 'ledger-activity',
  description:
    "the ledger probe deployed and called (with a log, and failing) and a transfer, from the step's account",
  requires: ['tx.clientSign', 'tx.receipts', 'contract.evm', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs],
  budget: () => [
    { kind: 'deploy', count: 1 },
    { kind: 'call', count: 2 },
    { kind: 'transfer', count: 1 },
  ],
  async create({ adapter, params, account }): Promise<LedgerActivity> {
    if (account === undefined) {
      return {
        ok: false,
        outcome: {
          status: 'skip',
          skipReason: 'precondition',
          summary: 'the step has no account to send from',
        },
      };
    }
    const log = createRpcLog();
    const reader = createRpcReader(adapter.rpc, 0, adapter.info.endpoint, log);
    const transactions: OwnTransaction[] = [];
    const storedValue = BigInt(`0x${randomBytes(8).toString('hex')}`) | 1n;
    const evidence = () => ({
      sentFrom: account.address,
      transactions: transactions.map((t) => ({
        label: t.label,
        txId: t.txId,
        blockNumber: t.receipt.blockNumber.toString(),
        blockHash: t.receipt.blockHash,
        status: t.receipt.status ?? null,
      })),
      ...rpcEvidence(log),
    });
    const failed = (summary: string, extra: Record<string, unknown> = {}): LedgerActivity => ({
      ok: false,
      outcome: {
        status: 'fail',
        summary: `precondition broken by the chain: ${summary}`,
        evidence: { ...evidence(), ...extra },
      },
    });

    /** Sends one intent and waits for its receipt; returns the verdict to give instead when that fails. */
    const send = async (
      label: OwnTransactionLabel,
      intent: TxIntent,
      gasLimit: bigint | undefined,
    ): Promise<OwnTransaction | LedgerActivity | 'refused'> => {
      const signed = await adapter.transactions.sign(
        intent,
        account,
        gasLimit === undefined ? {} : { gasLimit },
      );
      const submittedAtMs = Date.now();
      const answer = await adapter.transactions.submit(signed);
      // A refusal that names the transaction is followed to the ledger (Hardhat mines a reverting
      // send it answers with -32603; toolchain.md).
      const txId = answer.accepted ? answer.txId : answer.reportedTxId;
      if (txId === undefined) return 'refused';
      const waited = await awaitReceipt(reader, txId, params.receiptTimeoutMs);
      if (waited.kind === 'malformed') return failed(waited.problem, { label, txId, answer });
      if (waited.kind === 'missing')
        return failed(
          `the node accepted the ${label} transaction ${txId} but no receipt appeared within ${params.receiptTimeoutMs} ms`,
          { label, txId, answer },
        );
      const own: OwnTransaction = {
        label,
        txId: txId as Hex,
        submittedAtMs,
        seenAtMs: waited.seenAtMs,
        answer,
        receipt: waited.receipt,
      };
      transactions.push(own);
      return own;
    };

    const deployment = await send(
      'deploy',
      { kind: 'deploy', artifact: { runtime: 'evm', code: ledgerProbeInitCode, abi: ledgerProbeAbi } },
      deployGas,
    );
    if (deployment === 'refused') {
      return {
        ok: false,
        outcome: {
          status: 'skip',
          skipReason: 'precondition',
          summary:
            'the chain refused to deploy the ledger probe contract from the step account, so the transactions the check needs could not be made',
          evidence: evidence(),
        },
      };
    }
    if ('ok' in deployment) return deployment;
    const probe = deployment.receipt.contractAddress;
    if (deployment.receipt.status !== '0x1' || probe === undefined || probe === null) {
      return failed(
        `the ledger probe deployment ${deployment.txId} did not create a contract (status ${deployment.receipt.status ?? 'absent'}, contractAddress ${probe ?? 'absent'})`,
      );
    }
    const code = await reader.read('eth_getCode', [probe, 'latest'], DataShape);
    if (!code.ok) return failed(code.problem);
    if (code.value !== ledgerProbeRuntime.toLowerCase()) {
      return failed(
        `eth_getCode at the probe address ${probe} is not the code the deployment returned (${code.value.length > 2 ? `${(code.value.length - 2) / 2} other bytes` : 'no code'})`,
        { expectedCode: ledgerProbeRuntime, actualCode: code.value },
      );
    }
    const invoke = (v: bigint): TxIntent => ({
      kind: 'invoke',
      contract: probe,
      abi: ledgerProbeAbi,
      method: 'store',
      args: [v],
    });
    const stored = await send('store', invoke(storedValue), callGas);
    if (stored === 'refused')
      return failed(`the node refused a plain call to the ledger probe (store(${storedValue}))`);
    if ('ok' in stored) return stored;
    // store(0) reverts; a node that refuses it up front without naming it leaves no failed receipt.
    const reverting = await send('store-reverting', invoke(0n), callGas);
    if (reverting !== 'refused' && 'ok' in reverting) return reverting;
    const transfer = await send('transfer', { kind: 'transfer', to: account.address, amount: 1n }, undefined);
    if (transfer === 'refused') return failed('the node refused a self-transfer of 1 unit');
    if ('ok' in transfer) return transfer;
    return { ok: true, probe, storedValue, transactions, evidence: evidence() };
  },
});

/** The transactions of the activity that landed in distinct blocks, as block numbers in ascending order. */
export function ownBlockNumbers(transactions: readonly OwnTransaction[]): bigint[] {
  return [...new Set(transactions.map((t) => t.receipt.blockNumber))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
}
