import { type Hex, keccak256 } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type {
  AccountRef,
  Receipt,
  SignedTx,
  SubmitOutcome,
  TransactionsApi,
} from '#core/adapter/ChainAdapter.ts';
import { TargetError } from '#core/errors/TargetError.ts';
import type { RpcClient } from './createRpcClient.ts';
import { deriveAccountKey } from './deriveAccountKey.ts';
import { parseRpcResult } from './parseRpcResult.ts';
import { Hash32Schema, QuantitySchema, RpcReceiptSchema } from './RpcSchemas.ts';
import { tamperTransaction } from './tamperTransaction.ts';

interface FeeParams {
  readonly kind: 'eip1559' | 'legacy';
  readonly maxFeePerGas: bigint;
  readonly maxPriorityFeePerGas: bigint;
  readonly gasPrice: bigint;
}

const feeCacheMs = 2_000;
const priorityFeeWei = 1_000_000_000n;
const receiptPollMs = 100;

/**
 * Client-side signing with viem local accounts; keys stay in this closure and are never returned,
 * logged or stored. Fees follow EIP-1559 when the head block has a base fee, legacy gas price
 * otherwise.
 */
export function createEvmTransactions(client: RpcClient, chainId: number, primaryKey: Hex): TransactionsApi {
  const keys = new Map<string, Hex>();
  const remember = (key: Hex): AccountRef => {
    const address = privateKeyToAccount(key).address.toLowerCase() as Hex;
    keys.set(address, key);
    return { address };
  };
  const primary = remember(primaryKey);
  let fees: { at: number; value: FeeParams } | undefined;

  async function feeParams(): Promise<FeeParams> {
    if (fees && Date.now() - fees.at < feeCacheMs) return fees.value;
    const head = (await client.call('eth_getBlockByNumber', ['latest', false])) as Record<
      string,
      unknown
    > | null;
    const baseFee = typeof head?.baseFeePerGas === 'string' ? BigInt(head.baseFeePerGas) : undefined;
    let value: FeeParams;
    if (baseFee !== undefined) {
      // Twice the base fee survives several full blocks of +12.5% (EIP-1559) while a run is in flight.
      value = {
        kind: 'eip1559',
        maxFeePerGas: baseFee * 2n + priorityFeeWei,
        maxPriorityFeePerGas: priorityFeeWei,
        gasPrice: 0n,
      };
    } else {
      const gasPrice = parseRpcResult(
        QuantitySchema,
        await client.call('eth_gasPrice', []),
        'eth_gasPrice',
        client.url,
      );
      value = { kind: 'legacy', maxFeePerGas: 0n, maxPriorityFeePerGas: 0n, gasPrice };
    }
    fees = { at: Date.now(), value };
    return value;
  }

  function keyOf(account: AccountRef): Hex {
    const key = keys.get(account.address.toLowerCase());
    if (!key)
      throw new TargetError(
        `no key for account ${account.address}; sign only with primary or derived accounts`,
      );
    return key;
  }

  async function getNonce(address: Hex, blockTag: 'latest' | 'pending' = 'pending'): Promise<bigint> {
    const result = await client.call('eth_getTransactionCount', [address, blockTag]);
    return parseRpcResult(QuantitySchema, result, 'eth_getTransactionCount', client.url);
  }

  async function sign(
    from: AccountRef,
    fields: {
      to?: Hex;
      data?: Hex;
      value: bigint;
      gas: bigint;
      nonce?: bigint | undefined;
      chainId?: number | undefined;
    },
  ): Promise<SignedTx> {
    const account = privateKeyToAccount(keyOf(from));
    const nonce = fields.nonce ?? (await getNonce(from.address, 'pending'));
    const fee = await feeParams();
    const common = {
      chainId: fields.chainId ?? chainId,
      nonce: Number(nonce),
      gas: fields.gas,
      value: fields.value,
      ...(fields.to === undefined ? {} : { to: fields.to }),
      ...(fields.data === undefined ? {} : { data: fields.data }),
    };
    const raw =
      fee.kind === 'eip1559'
        ? await account.signTransaction({
            ...common,
            type: 'eip1559',
            maxFeePerGas: fee.maxFeePerGas,
            maxPriorityFeePerGas: fee.maxPriorityFeePerGas,
          })
        : await account.signTransaction({ ...common, type: 'legacy', gasPrice: fee.gasPrice });
    return { raw, txId: keccak256(raw), from: from.address, nonce };
  }

  async function getReceipt(txId: Hex): Promise<Receipt | null> {
    const result = await client.call('eth_getTransactionReceipt', [txId]);
    if (result === null) return null;
    const r = parseRpcResult(RpcReceiptSchema, result, 'eth_getTransactionReceipt', client.url);
    return {
      txId: r.transactionHash,
      status: r.status === '0x1' ? 'success' : 'reverted',
      blockNumber: r.blockNumber,
      blockHash: r.blockHash,
      from: r.from,
      to: r.to,
      gasUsed: r.gasUsed,
      effectiveGasPrice: r.effectiveGasPrice,
      contractAddress: r.contractAddress ?? null,
      logs: r.logs.map((l) => ({ address: l.address, topics: l.topics, data: l.data })),
      raw: result as Record<string, unknown>,
    };
  }

  return {
    primary,
    deriveAccounts(count, seed) {
      return Array.from({ length: count }, (_, i) => remember(deriveAccountKey(primaryKey, seed, i)));
    },
    async getBalance(address) {
      const result = await client.call('eth_getBalance', [address, 'latest']);
      return parseRpcResult(QuantitySchema, result, 'eth_getBalance', client.url);
    },
    getNonce,
    signTransfer: (req) =>
      sign(req.from, {
        to: req.to,
        value: req.valueWei,
        gas: req.gas ?? 21_000n,
        nonce: req.nonce,
        chainId: req.chainId,
      }),
    signCall: (req) =>
      sign(req.from, {
        to: req.to,
        data: req.data,
        value: req.valueWei ?? 0n,
        gas: req.gas,
        nonce: req.nonce,
      }),
    signDeploy: (req) => sign(req.from, { data: req.bytecode, value: 0n, gas: req.gas ?? 3_000_000n }),
    async submit(raw): Promise<SubmitOutcome> {
      const outcome = await client.request('eth_sendRawTransaction', [raw]);
      if (outcome.kind === 'error') return { accepted: false, error: outcome.error };
      if (outcome.kind === 'http-error') {
        return {
          accepted: false,
          error: { code: -1, message: `HTTP ${outcome.httpStatus}: ${outcome.body.slice(0, 200)}` },
        };
      }
      return {
        accepted: true,
        txId: parseRpcResult(Hash32Schema, outcome.result, 'eth_sendRawTransaction', client.url),
      };
    },
    async waitForReceipt(txId, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const receipt = await getReceipt(txId);
        if (receipt) return receipt;
        if (Date.now() >= deadline) return null;
        await new Promise((r) => setTimeout(r, Math.min(receiptPollMs, Math.max(0, deadline - Date.now()))));
      }
    },
    getReceipt,
    tamper: tamperTransaction,
  };
}
