import { randomBytes } from 'node:crypto';
import { type Hex, parseTransaction } from 'viem';
import { z } from 'zod';
import type { Identity, SignedTx, SubmitOutcome } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { createRpcTrace, type RpcTrace } from '../contracts/createRpcTrace.ts';
import { QuantityShape, quantity } from '../contracts/jsonRpcShapes.ts';
import { fundProbeIdentities } from './fundProbeIdentities.ts';
import { nudgeBlock } from './nudgeBlock.ts';
import { readReceipt, submitAndRecord } from './submitAndRecord.ts';
import { transactionCount } from './transactionCount.ts';

/** The intrinsic gas of the cheapest transaction, a plain transfer (Yellow Paper G_transaction). */
const intrinsicGas = 21_000n;

/**
 * Funds for the over-limit probe: its sender must be able to pay gas × fee cap for a gas limit above
 * the block's, or a refusal could be for lack of funds (a pass for the wrong reason). Priced as
 * `call` items of 300k gas (quoted with the adapter's fee headroom): 256 of them cover a block gas
 * limit well above Hardhat's 60 million at the plan's fees. The funds go back at the end.
 */
const overLimitFundingCalls = 256;

const HeadShape = z.looseObject({ number: QuantityShape, gasLimit: QuantityShape });

interface Probe {
  readonly name: string;
  readonly identity: Identity;
  readonly gas: bigint;
  readonly signed: SignedTx;
}

/**
 * TX-12 (chaineval extension, part of SC-03) — JR/T 0184-2020 12.4 (limit the resources a transaction
 * may use): a transaction whose gas limit exceeds the block gas limit can never be included, and one
 * below the intrinsic 21000 cannot even pay for itself; a node must refuse both, or at least never
 * include them.
 *
 * Each probe is a 0-value transfer from its own fresh identity (a held probe must not block the step
 * account), funded beforehand with enough to pay gas × max fee for its gas limit, so a refusal cannot
 * be for lack of funds: gas = block gasLimit + 1 ("over") and gas = 20999 ("under").
 *
 * Comparison policy: each probe must be refused, or acknowledged but absent from the ledger once the
 * chain has made a new block (the check makes one with a self-transfer from the step account); the
 * probes' senders must keep their nonce and balance. A receipt for either, or a moved sender, is a
 * `fail`. The over-limit sender's funds are returned afterwards (evidence only).
 */
export const txGasLimitEnforced = defineCheck({
  id: 'tx-gas-limit-enforced',
  catalogueId: 'TX-12',
  kind: 'conformance',
  title: { zh: '超出区块燃料上限或低于固有燃料的交易被拒绝', en: 'Gas limits are enforced on transactions' },
  requires: ['tx.clientSign', 'tx.receipts', 'account.fund', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs],
  faults: ['over-limit-tx-accepted'],
  budget: () => [
    { kind: 'call', count: overLimitFundingCalls },
    { kind: 'transfer', count: 4 },
  ],
  description:
    'Funds two fresh identities from the step account and sends from them a transfer with gas = block gasLimit + 1 ' +
    'and one with gas = 20999 (below the intrinsic 21000), each funded to pay for its gas limit. Passes when each ' +
    'is refused, or acknowledged but not on the ledger after the next block, and neither sender’s nonce or balance moved.',
  failsWhen: 'Either transaction is included (has a receipt) or its sender’s nonce or balance changes.',
  async run({ adapter, params, account }) {
    const { transactions, rpc, accounts } = adapter;
    const trace = createRpcTrace(rpc);
    const timeoutMs = params.receiptTimeoutMs;
    const head = await trace.read('eth_getBlockByNumber', ['latest', false], HeadShape);
    if (!head.ok)
      return {
        status: 'fail',
        summary: `the latest block: ${head.problem}`,
        evidence: { rpc: trace.exchanges() },
      };
    const blockGasLimit = head.value.gasLimit;
    const seed = `${account.address}/tx-gas-limit-enforced/${randomBytes(8).toString('hex')}`;
    const [over, under] = adapter.identities.derive(seed, 2);
    if (!over || !under) throw new Error('identities.derive returned fewer identities than asked');
    const transfer = { kind: 'transfer', to: account.address, amount: 0n } as const;
    const probes: Probe[] = [
      {
        name: `gas ${blockGasLimit + 1n} above the block gas limit ${blockGasLimit}`,
        identity: over,
        gas: blockGasLimit + 1n,
        signed: await transactions.sign(transfer, over, { nonce: 0n, gasLimit: blockGasLimit + 1n }),
      },
      {
        name: `gas ${intrinsicGas - 1n} below the intrinsic ${intrinsicGas}`,
        identity: under,
        gas: intrinsicGas - 1n,
        signed: await transactions.sign(transfer, under, { nonce: 0n, gasLimit: intrinsicGas - 1n }),
      },
    ];
    // Each sender holds what its probe can cost (gas × the fee cap it was signed with), so a refusal
    // cannot be for lack of funds; the over-limit sender also keeps a transfer's fee to return the rest.
    const transferQuote = await accounts.quote([{ kind: 'transfer', count: 1 }]);
    const upfront = probes.map((p) => p.gas * feeCap(p.signed.raw));
    const fundings = [
      { identity: over, amount: upfront[0]! + transferQuote },
      { identity: under, amount: upfront[1]! },
    ];
    const available = await accounts.getBalance(account.address);
    const needed =
      fundings.reduce((sum, f) => sum + f.amount, 0n) +
      (await accounts.quote([{ kind: 'transfer', count: 3 }]));
    if (available < needed) {
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: `a transaction with gas ${blockGasLimit + 1n} (block gas limit + 1) needs its sender to hold ${upfront[0]} to pay for itself; the step account holds ${available} of the ${needed} needed (fund the run for a larger block gas limit)`,
        evidence: {
          blockGasLimit: blockGasLimit.toString(),
          available: available.toString(),
          needed: needed.toString(),
        },
      };
    }
    const funded = await fundProbeIdentities(adapter, trace, account, fundings, timeoutMs);
    if (!funded.ok) return funded.outcome;
    const before = await Promise.all(probes.map((p) => senderState(trace, accounts, p.identity)));
    const answers: SubmitOutcome[] = [];
    for (const probe of probes) answers.push(await transactions.submit(probe.signed));
    const acknowledged = probes.filter((_, i) => answerNames(answers[i]!) !== undefined);
    let madeBlock: bigint | undefined;
    if (acknowledged.length > 0) {
      const nudge = await nudgeBlock(transactions, rpc, trace, account, timeoutMs);
      if (!nudge.ok) return nudge.outcome;
      madeBlock = nudge.receipt.blockNumber;
    }
    const problems: string[] = [];
    const verdicts: Record<string, string> = {};
    for (const [i, probe] of probes.entries()) {
      const answer = answers[i]!;
      const named = answerNames(answer);
      if (named === undefined) {
        verdicts[probe.name] =
          `refused: ${answer.accepted ? '' : `${answer.error.code} ${answer.error.message.slice(0, 160)}`}`;
        continue;
      }
      const receipt = await readReceipt(trace, named);
      if (receipt.kind === 'receipt') {
        problems.push(
          `the transaction with ${probe.name} (${named}) was included in block ${receipt.receipt.blockNumber} with status ${receipt.receipt.status}`,
        );
        verdicts[probe.name] = `included in block ${receipt.receipt.blockNumber}`;
      } else if (receipt.kind === 'malformed') {
        problems.push(receipt.problem);
      } else {
        verdicts[probe.name] = `acknowledged as ${named}, not on the ledger after block ${madeBlock}`;
      }
    }
    const after = await Promise.all(probes.map((p) => senderState(trace, accounts, p.identity)));
    for (const [i, probe] of probes.entries()) {
      const b = before[i]!;
      const a = after[i]!;
      if (a.nonce !== b.nonce || a.balance !== b.balance) {
        problems.push(
          `the sender of the transaction with ${probe.name} moved: nonce ${b.nonce} → ${a.nonce}, balance ${b.balance} → ${a.balance}`,
        );
      }
    }
    const returned = await returnFunds(
      adapter,
      trace,
      over,
      account.address,
      answers[0]!,
      transferQuote,
      timeoutMs,
    );
    const evidence = {
      blockGasLimit: blockGasLimit.toString(),
      probes: probes.map((p, i) => ({
        name: p.name,
        sender: p.identity.address,
        gas: p.gas.toString(),
        raw: p.signed.raw,
        answer: answers[i],
        senderBefore: { nonce: before[i]!.nonce.toString(), balance: before[i]!.balance.toString() },
        senderAfter: { nonce: after[i]!.nonce.toString(), balance: after[i]!.balance.toString() },
      })),
      ...(madeBlock === undefined ? {} : { blockMadeAfterAcknowledgement: quantity(madeBlock) }),
      fundsReturned: returned,
      rpc: trace.exchanges(),
    };
    const expected = 'each refused, or acknowledged but never included; senders unchanged';
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual: verdicts, evidence };
    return {
      status: 'pass',
      summary: `${probes.map((p) => `the transaction with ${p.name} was ${verdicts[p.name]}`).join('; ')}; neither sender moved`,
      expected,
      actual: verdicts,
      evidence,
    };
  },
});

/** The transaction an answer names: the acknowledged hash, or the hash a refusal still reports. */
function answerNames(answer: SubmitOutcome): string | undefined {
  return answer.accepted ? answer.txId : answer.reportedTxId;
}

async function senderState(
  trace: RpcTrace,
  accounts: { getBalance(address: string): Promise<bigint> },
  identity: Identity,
): Promise<{ nonce: bigint | string; balance: bigint }> {
  const nonce = await transactionCount(trace, identity.address, 'latest');
  return {
    nonce: typeof nonce === 'bigint' ? nonce : `unreadable: ${nonce.summary}`,
    balance: await accounts.getBalance(identity.address),
  };
}

/** Sends the over-limit sender's funds back to the step account when its nonce 0 is free; evidence only. */
async function returnFunds(
  adapter: Parameters<typeof fundProbeIdentities>[0],
  trace: RpcTrace,
  from: Identity,
  to: string,
  probeAnswer: SubmitOutcome,
  transferQuote: bigint,
  timeoutMs: number,
): Promise<string> {
  if (answerNames(probeAnswer) !== undefined) return 'not attempted: its probe holds nonce 0';
  const balance = await adapter.accounts.getBalance(from.address);
  if (balance <= transferQuote) return `not attempted: ${balance} does not cover the fee`;
  const signed = await adapter.transactions.sign(
    { kind: 'transfer', to, amount: balance - transferQuote },
    from,
    {
      nonce: 0n,
    },
  );
  const sent = await submitAndRecord(adapter.transactions, adapter.rpc, trace, signed, timeoutMs);
  return sent.kind === 'recorded'
    ? `${balance - transferQuote} returned in ${sent.txId}`
    : `not returned (${sent.kind})`;
}

/** The most the sender can be charged per gas: maxFeePerGas (EIP-1559 and later) or gasPrice. */
function feeCap(raw: Hex): bigint {
  const tx = parseTransaction(raw);
  return tx.maxFeePerGas ?? tx.gasPrice ?? 0n;
}
