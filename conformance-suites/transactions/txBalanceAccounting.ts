import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { createRpcTrace, type RpcTrace } from '../contracts/createRpcTrace.ts';
import {
  AddressShape,
  Hash32Shape,
  QuantityShape,
  quantity,
  ReceiptShape,
} from '../contracts/jsonRpcShapes.ts';
import { submitAndRecord, unrecordedOutcome } from './submitAndRecord.ts';
import { transactionCount } from './transactionCount.ts';

/** The value moved: distinctive in evidence, and far above any per-request drift a node could add. */
const transferValue = 0x1234567n;
/** Withdrawal amounts are in gwei (EIP-4895). */
const weiPerGwei = 1_000_000_000n;

const FeeFieldsShape = z.looseObject({
  hash: Hash32Shape,
  from: AddressShape,
  to: AddressShape.nullable(),
  value: QuantityShape,
  type: QuantityShape.optional(),
  gasPrice: QuantityShape.optional(),
  maxFeePerGas: QuantityShape.optional(),
  maxPriorityFeePerGas: QuantityShape.optional(),
});
type FeeFields = z.output<typeof FeeFieldsShape>;

const BlockShape = z.looseObject({
  number: QuantityShape,
  hash: Hash32Shape,
  miner: AddressShape,
  baseFeePerGas: QuantityShape.optional(),
  transactions: z.array(FeeFieldsShape),
  withdrawals: z.array(z.looseObject({ address: AddressShape, amount: QuantityShape })).optional(),
});

const AccountingReceiptShape = ReceiptShape.extend({
  effectiveGasPrice: QuantityShape,
  blobGasUsed: QuantityShape.optional(),
  blobGasPrice: QuantityShape.optional(),
  /** OP Stack rollups charge the sender an L1 data fee besides execution gas. */
  l1Fee: QuantityShape.optional(),
});
type AccountingReceipt = z.output<typeof AccountingReceiptShape>;

/**
 * TX-11 (chaineval extension) — JR/T 0193-2020 6.9 (execution and accounting agree) and JR/T 0184-2020
 * 10.1 (ledger data not changed without authorisation): a transfer moves exactly its value, and its
 * sender pays exactly what its receipt says it used.
 *
 * The check sends `transferValue` from the step account to a fresh address (random seed: nobody else
 * pays it), then reads balances by block number around the transfer's block n:
 *
 * - recipient: 0 at n−1, exactly the value at n, unchanged at 'latest';
 * - sender: balance(n−1) − balance(n) = Σ over its transactions in block n of (value if successful +
 *   gasUsed × effectiveGasPrice + blobGasUsed × blobGasPrice + the receipt's l1Fee on OP Stack
 *   rollups) − values it received in n − withdrawals
 *   to it; balance(n−1) equals its 'latest' balance read before sending when its count did not move
 *   in between, and balance(n) its 'latest' balance after when it did not move since;
 * - each receipt's effectiveGasPrice follows the fee rules: gasPrice (legacy, EIP-2930), or
 *   min(maxFeePerGas, baseFeePerGas + maxPriorityFeePerGas) (EIP-1559 and later).
 *
 * Comparison policy: any difference is a `fail` with both values. A block whose fee recipient is the
 * sender or recipient makes the sender's arithmetic depend on tips: `skip` (precondition).
 */
export const txBalanceAccounting = defineCheck({
  id: 'tx-balance-accounting',
  catalogueId: 'TX-11',
  kind: 'conformance',
  title: { zh: '转账金额与手续费记账准确', en: 'Transfers move exactly their value and fee' },
  requires: ['tx.clientSign', 'tx.receipts', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs],
  faults: ['balance-drift', 'fee-misreported'],
  budget: () => [{ kind: 'transfer', count: 1, value: transferValue }],
  description:
    `Sends ${transferValue} (native units) from the step account to a fresh address and reads both balances by ` +
    'block number before and at the transfer’s block. Passes when the recipient gains exactly the value, the sender ' +
    'loses exactly value + gasUsed × effectiveGasPrice (+ blob fees), effectiveGasPrice follows the fee rules, and ' +
    'the latest balances agree with the historical ones.',
  failsWhen:
    'A balance moves by anything other than what the block’s transactions and receipts account for, or a receipt ' +
    'reports an effectiveGasPrice the fee rules do not give.',
  async run({ adapter, params, account }) {
    const { transactions, rpc } = adapter;
    const trace = createRpcTrace(rpc);
    const timeoutMs = params.receiptTimeoutMs;
    const sender = account.address.toLowerCase();
    const [fresh] = adapter.identities.derive(
      `${account.address}/tx-balance-accounting/${randomBytes(8).toString('hex')}`,
      1,
    );
    if (!fresh) throw new Error('identities.derive returned no identity');
    const recipient = fresh.address.toLowerCase();
    const evidence: Record<string, unknown> = { sender, recipient, value: transferValue.toString() };
    const finish = () => ({ ...evidence, rpc: trace.exchanges() });
    const balance = (who: string, tag: string) => readBalance(trace, who, tag);

    const countBefore = await transactionCount(trace, sender, 'latest');
    if (typeof countBefore !== 'bigint') return { ...countBefore, evidence: finish() };
    const senderBefore = await balance(sender, 'latest');
    if (typeof senderBefore !== 'bigint') return { ...senderBefore, evidence: finish() };
    const signed = await transactions.sign(
      { kind: 'transfer', to: recipient, amount: transferValue },
      account,
    );
    const sent = await submitAndRecord(transactions, rpc, trace, signed, timeoutMs);
    if (sent.kind !== 'recorded') return unrecordedOutcome('the transfer', sent, timeoutMs, finish());
    const n = sent.receipt.blockNumber;
    evidence.txId = sent.txId;
    evidence.block = quantity(n);

    const blockRead = await trace.read('eth_getBlockByNumber', [quantity(n), true], BlockShape);
    if (!blockRead.ok)
      return { status: 'fail', summary: `block ${n}: ${blockRead.problem}`, evidence: finish() };
    const block = blockRead.value;
    if (block.miner === sender || block.miner === recipient) {
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: `block ${n}'s fee recipient is ${block.miner}, a party of the transfer, so its balance also moves by the block's tips`,
        evidence: finish(),
      };
    }
    const problems: string[] = [];
    // The sender's side of every transaction of block n that touches it, from the receipts.
    let senderDebit = 0n;
    let recipientCredit = 0n;
    const accounted: Record<string, string>[] = [];
    for (const tx of block.transactions) {
      if (tx.from !== sender && tx.to !== sender && tx.from !== recipient && tx.to !== recipient) continue;
      const receiptRead = await trace.read('eth_getTransactionReceipt', [tx.hash], AccountingReceiptShape);
      if (!receiptRead.ok) {
        problems.push(`receipt of ${tx.hash}: ${receiptRead.problem}`);
        continue;
      }
      const receipt = receiptRead.value;
      const rule = effectivePriceRule(tx, block.baseFeePerGas);
      if (rule !== undefined && receipt.effectiveGasPrice !== rule.price) {
        problems.push(
          `the receipt of ${tx.hash} reports effectiveGasPrice ${receipt.effectiveGasPrice}, but ${rule.why} gives ${rule.price}`,
        );
      }
      const fee = receipt.gasUsed * receipt.effectiveGasPrice + blobFee(receipt) + (receipt.l1Fee ?? 0n);
      const moved = receipt.status === '0x1' ? tx.value : 0n;
      if (tx.from === sender) senderDebit += moved + fee;
      if (tx.to === sender) senderDebit -= moved;
      if (tx.from === recipient) recipientCredit -= moved + fee;
      if (tx.to === recipient) recipientCredit += moved;
      accounted.push({
        hash: tx.hash,
        status: receipt.status,
        value: moved.toString(),
        gasUsed: receipt.gasUsed.toString(),
        effectiveGasPrice: receipt.effectiveGasPrice.toString(),
        fee: fee.toString(),
      });
    }
    for (const w of block.withdrawals ?? []) {
      if (w.address === sender) senderDebit -= w.amount * weiPerGwei;
      if (w.address === recipient) recipientCredit += w.amount * weiPerGwei;
    }
    evidence.accountedTransactions = accounted;

    const reads = {
      senderAtPrevious: await balance(sender, quantity(n - 1n)),
      senderAtBlock: await balance(sender, quantity(n)),
      recipientAtPrevious: await balance(recipient, quantity(n - 1n)),
      recipientAtBlock: await balance(recipient, quantity(n)),
      senderLatest: await balance(sender, 'latest'),
      recipientLatest: await balance(recipient, 'latest'),
    };
    for (const value of Object.values(reads))
      if (typeof value !== 'bigint') return { ...value, evidence: finish() };
    const v = reads as Record<keyof typeof reads, bigint>;
    evidence.balances = Object.fromEntries(Object.entries(v).map(([k, b]) => [k, b.toString()]));
    const countAtPrevious = await transactionCount(trace, sender, quantity(n - 1n));
    const countAtBlock = await transactionCount(trace, sender, quantity(n));
    const countLatest = await transactionCount(trace, sender, 'latest');
    for (const c of [countAtPrevious, countAtBlock, countLatest])
      if (typeof c !== 'bigint') return { ...c, evidence: finish() };

    if (v.recipientAtPrevious !== 0n)
      problems.push(
        `the fresh recipient held ${v.recipientAtPrevious} at block ${n - 1n}, before anything was sent to it`,
      );
    if (v.recipientAtBlock - v.recipientAtPrevious !== recipientCredit)
      problems.push(
        `the recipient gained ${v.recipientAtBlock - v.recipientAtPrevious} in block ${n}, but the block's transactions move ${recipientCredit} to it`,
      );
    if (v.recipientLatest !== v.recipientAtBlock)
      problems.push(
        `the recipient's latest balance ${v.recipientLatest} differs from its balance ${v.recipientAtBlock} at block ${n}`,
      );
    if (v.senderAtPrevious - v.senderAtBlock !== senderDebit)
      problems.push(
        `the sender lost ${v.senderAtPrevious - v.senderAtBlock} in block ${n}, but value + gasUsed × effectiveGasPrice of its transactions there is ${senderDebit}`,
      );
    if (countAtPrevious === countBefore && v.senderAtPrevious !== senderBefore)
      problems.push(
        `the sender's balance at block ${n - 1n} is ${v.senderAtPrevious}, but its latest balance read just before sending (same nonce ${countBefore}) was ${senderBefore}`,
      );
    if (countLatest === countAtBlock && v.senderLatest !== v.senderAtBlock)
      problems.push(
        `the sender's latest balance ${v.senderLatest} differs from its balance ${v.senderAtBlock} at block ${n}, with no transaction since`,
      );

    const expected = {
      recipientGain: transferValue.toString(),
      senderLoss: senderDebit.toString(),
      effectiveGasPrice: 'as the fee rules give',
    };
    const actual = {
      recipientGain: (v.recipientAtBlock - v.recipientAtPrevious).toString(),
      senderLoss: (v.senderAtPrevious - v.senderAtBlock).toString(),
    };
    if (recipientCredit !== transferValue)
      problems.push(
        `block ${n} moves ${recipientCredit} to the recipient according to its receipts, not the ${transferValue} sent`,
      );
    if (problems.length > 0) {
      return {
        status: 'fail',
        summary: `${problems.length} accounting difference(s); first: ${problems[0]}`,
        expected,
        actual,
        evidence: { ...finish(), problems },
      };
    }
    const mine = accounted.find((a) => a.hash === sent.txId);
    return {
      status: 'pass',
      summary:
        `block ${n}: the recipient gained exactly ${transferValue}; the sender lost exactly ${senderDebit} ` +
        `(value + ${mine?.gasUsed} gas × ${mine?.effectiveGasPrice}); historical and latest balances agree`,
      expected,
      actual,
      evidence: finish(),
    };
  },
});

/** What the fee rules say the sender paid per gas, or undefined for a type they do not cover. */
function effectivePriceRule(
  tx: FeeFields,
  baseFee: bigint | undefined,
): { price: bigint; why: string } | undefined {
  const type = tx.type ?? 0n;
  if (type === 0n || type === 1n) {
    return tx.gasPrice === undefined ? undefined : { price: tx.gasPrice, why: `gasPrice (type ${type})` };
  }
  if (
    type > 4n ||
    tx.maxFeePerGas === undefined ||
    tx.maxPriorityFeePerGas === undefined ||
    baseFee === undefined
  )
    return undefined;
  const tipped = baseFee + tx.maxPriorityFeePerGas;
  return {
    // biome-ignore lint/complexity/useMathMinMax: bigint operands; Math.min takes numbers only.
    price: tipped < tx.maxFeePerGas ? tipped : tx.maxFeePerGas,
    why: `min(maxFeePerGas ${tx.maxFeePerGas}, baseFeePerGas ${baseFee} + maxPriorityFeePerGas ${tx.maxPriorityFeePerGas}) (EIP-1559)`,
  };
}

/** EIP-4844 blob gas, charged besides execution gas; 0 for transactions without blobs. */
function blobFee(receipt: AccountingReceipt): bigint {
  return receipt.blobGasUsed !== undefined && receipt.blobGasPrice !== undefined
    ? receipt.blobGasUsed * receipt.blobGasPrice
    : 0n;
}

/**
 * eth_getBalance(address, tag). A refusal is inconclusive (`error`: a node without the historical state
 * answers with an error); an answer that is not a quantity is a `fail`.
 */
async function readBalance(trace: RpcTrace, address: string, tag: string): Promise<bigint | CheckOutcome> {
  const answer = await trace.request('eth_getBalance', [address, tag]);
  if (answer.kind === 'error') {
    return {
      status: 'error',
      summary: `eth_getBalance(${address}, ${tag}) was refused (${answer.error.code} "${answer.error.message.slice(0, 120)}"): the node may not keep that block's state`,
    };
  }
  const parsed = QuantityShape.safeParse(answer.result);
  if (parsed.success) return parsed.data;
  return {
    status: 'fail',
    summary: `eth_getBalance(${address}, ${tag}) answered ${JSON.stringify(answer.result)?.slice(0, 80)}, not a hex quantity`,
  };
}
