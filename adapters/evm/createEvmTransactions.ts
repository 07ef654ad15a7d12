import { type Hex, keccak256, recoverTransactionAddress, type TransactionSerializable } from 'viem';
import type {
  Identity,
  SignedTx,
  SignOptions,
  SubmitOutcome,
  TransactionsApi,
  TxIntent,
  TxOutcome,
} from '#core/adapter/ChainAdapter.ts';
import type { createFeeOracle, FeeParams } from './createFeeOracle.ts';
import type { LocalKeyring } from './createLocalKeyring.ts';
import type { RpcClient } from './createRpcClient.ts';
import { encodeIntent } from './encodeIntent.ts';
import { forgeSignature } from './forgeSignature.ts';
import { parseRpcResult } from './parseRpcResult.ts';
import { QuantitySchema, RpcReceiptSchema } from './RpcSchemas.ts';
import { submitOutcomeOf } from './submitOutcomeOf.ts';
import { tamperTransaction } from './tamperTransaction.ts';

const receiptPollMs = 100;

/**
 * Signing and submission for an EVM chain: intents become EIP-1559 (or legacy) transactions signed
 * with the keyring's keys; outcomes are receipts. A refusal that still names the transaction (Hardhat
 * answers a reverting send with -32603 and `data.txHash`, and mines it) keeps that id, so checks can
 * follow it to the ledger.
 */
export function createEvmTransactions(
  client: RpcClient,
  chainId: string,
  keyring: LocalKeyring,
  feeOracle: ReturnType<typeof createFeeOracle>,
): TransactionsApi {
  const { endpoint } = client;

  async function pendingNonce(address: string): Promise<bigint> {
    const result = await client.call('eth_getTransactionCount', [address, 'pending']);
    return parseRpcResult(QuantitySchema, result, 'eth_getTransactionCount', endpoint);
  }

  async function recoverSender(raw: Hex): Promise<string> {
    try {
      return (await recoverTransactionAddress({ serializedTransaction: raw as never })).toLowerCase();
    } catch {
      return 'unrecoverable';
    }
  }

  async function getOutcome(txId: string): Promise<TxOutcome | null> {
    const result = await client.call('eth_getTransactionReceipt', [txId]);
    if (result === null) return null;
    const r = parseRpcResult(RpcReceiptSchema, result, 'eth_getTransactionReceipt', endpoint);
    return {
      txId: r.transactionHash,
      status: r.status === '0x1' ? 'success' : 'reverted',
      blockNumber: r.blockNumber,
      blockHash: r.blockHash,
      from: r.from.toLowerCase(),
      to: r.to === null ? null : r.to.toLowerCase(),
      contractAddress: r.contractAddress ? r.contractAddress.toLowerCase() : null,
      events: r.logs.map((l) => ({ address: l.address.toLowerCase(), topics: l.topics, data: l.data })),
      ...(r.effectiveGasPrice === undefined
        ? {}
        : {
            cost: {
              used: r.gasUsed,
              unitPrice: r.effectiveGasPrice,
              total: r.gasUsed * r.effectiveGasPrice,
            },
          }),
      raw: result as Record<string, unknown>,
    };
  }

  /** The unsigned transaction sign() would sign, with its nonce. */
  async function unsigned(
    intent: TxIntent,
    from: Identity,
    options: SignOptions,
    fee: FeeParams,
  ): Promise<{ readonly tx: TransactionSerializable; readonly nonce: bigint }> {
    const fields = encodeIntent(intent);
    const nonce = options.nonce ?? (await pendingNonce(from.address));
    const common = {
      chainId: Number(options.chainId ?? chainId),
      nonce: Number(nonce),
      gas: options.gasLimit ?? fields.gas,
      value: fields.value,
      ...(fields.to === undefined ? {} : { to: fields.to }),
      ...(fields.data === undefined ? {} : { data: fields.data }),
    };
    // A replacement by a higher fee: both EIP-1559 fields rise, as geth and anvil require of one.
    const bump = BigInt(100 + Math.max(0, Math.ceil(options.feeBumpPercent ?? 0)));
    const raised = (wei: bigint) => (wei * bump + 99n) / 100n;
    const tx: TransactionSerializable =
      fee.kind === 'eip1559'
        ? {
            ...common,
            type: 'eip1559',
            maxFeePerGas: raised(fee.maxFeePerGas),
            maxPriorityFeePerGas: raised(fee.maxPriorityFeePerGas),
          }
        : { ...common, type: 'legacy', gasPrice: raised(fee.gasPrice) };
    return { tx, nonce };
  }

  return {
    async signMany(requests) {
      // One fee reading for the whole batch: a corpus signed for one load step shares its fee fields.
      const fee = await feeOracle.fees();
      const txs = await Promise.all(
        requests.map(async (r) => ({
          from: r.from,
          ...(await unsigned(r.intent, r.from, r.options ?? {}, fee)),
        })),
      );
      const signed = await keyring.signMany(txs);
      return signed.map((s, i) => ({
        raw: s.raw,
        txId: s.txId,
        from: txs[i]!.from.address.toLowerCase(),
        nonce: txs[i]!.nonce,
      }));
    },

    async sign(intent, from, options = {}) {
      const account = keyring.accountOf(from);
      const { tx, nonce } = await unsigned(intent, from, options, await feeOracle.fees());
      const raw = await account.signTransaction(tx);
      return { raw, txId: keccak256(raw), from: from.address.toLowerCase(), nonce };
    },

    async submit(tx: SignedTx): Promise<SubmitOutcome> {
      return submitOutcomeOf(await client.request('eth_sendRawTransaction', [tx.raw]), endpoint);
    },

    async awaitOutcome(txId, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const outcome = await getOutcome(txId);
        if (outcome) return outcome;
        if (Date.now() >= deadline) return null;
        await new Promise((r) => setTimeout(r, Math.min(receiptPollMs, Math.max(0, deadline - Date.now()))));
      }
    },

    getOutcome,

    async tamper(tx) {
      const raw = tamperTransaction(tx.raw);
      return {
        raw,
        txId: keccak256(raw),
        from: await recoverSender(raw),
        ...(tx.nonce === undefined ? {} : { nonce: tx.nonce }),
      };
    },

    async forgeSignature(tx) {
      const raw = forgeSignature(tx.raw);
      return {
        raw,
        txId: keccak256(raw),
        from: 'unrecoverable',
        ...(tx.nonce === undefined ? {} : { nonce: tx.nonce }),
      };
    },
  };
}
