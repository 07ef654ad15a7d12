import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { createRpcTrace } from './createRpcTrace.ts';
import { joinProblems } from './joinProblems.ts';
import { BlockShape, quantity, TransactionShape } from './jsonRpcShapes.ts';
import { probeCallData, probeIntent } from './probeCalls.ts';
import { probeContractFixture } from './probeContractFixture.ts';
import { probeUnavailable } from './probeUnavailable.ts';
import { describeUnrecorded, receiptEvidence, sendAndRecord } from './sendAndRecord.ts';

/** The gas spin() is given: any finite amount runs out; 500k keeps the cost of a run small. */
const spinGas = 500_000n;

/**
 * SC-03 — JR/T 0184-2020 12.4 (limit the resources and execution time of contracts) and 12.9 (resist
 * contract-induced denial of service): a contract that never stops is stopped by its resource limit,
 * pays for it, and does not stall the chain. Probe.spin() loops forever; the check sends it with a fixed
 * gas limit G, then a plain self-transfer.
 *
 * Comparison policy: the spin transaction must be on the ledger with status 0x0 and gasUsed exactly G
 * (an exceptional halt consumes all gas: Yellow Paper §9.4.2, no refund on failure), the transaction
 * as recorded must carry gas G, its block's gasUsed must be at least G and its cumulativeGasUsed at
 * least its gasUsed (equal when it is first in its block). eth_call of spin() with gas G must answer an
 * error, never a result. The self-transfer sent after it must be recorded with status 0x1 within
 * receiptTimeoutMs (the chain keeps including transactions). A receipt that never comes is a `fail`.
 * A node may instead refuse spin() up front (simulating it first); that passes only when its error
 * message is about gas, since a refusal for any other reason proves nothing about the limit.
 */
export const contractResourceLimits = defineCheck({
  id: 'contract-resource-limits',
  catalogueId: 'SC-03',
  kind: 'conformance',
  title: {
    zh: '合约资源受限：死循环耗尽燃料且链继续出块',
    en: 'Endless contract runs out of gas; the chain goes on',
  },
  requires: ['tx.clientSign', 'tx.receipts', 'contract.evm', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs],
  fixtures: [probeContractFixture],
  faults: ['lying-receipts', 'gas-used-understated'],
  budget: () => [
    { kind: 'call', count: 2 },
    { kind: 'transfer', count: 1 },
  ],
  description:
    `Sends Probe.spin() (an endless loop) with a fixed gas limit of ${spinGas}, asks eth_call of spin() with the same ` +
    'gas, then sends a self-transfer. Passes when spin is recorded with status 0x0 and gasUsed equal to its whole ' +
    'gas limit (block and cumulative gas consistent), eth_call answers an error, and the self-transfer is recorded ' +
    'with status 0x1.',
  failsWhen:
    'The endless call is reported successful, uses (or is charged) less than its gas limit, eth_call returns a ' +
    'result for it, or the chain does not record the next transaction.',
  async run({ adapter, params, account, fixture }) {
    const probe = await fixture(probeContractFixture);
    if (!probe.deployed) return probeUnavailable(probe);
    const trace = createRpcTrace(adapter.rpc);
    const evidence: Record<string, unknown> = { probe: probe.address, gasLimit: spinGas.toString() };
    const finish = (extra: Record<string, unknown> = {}) => ({
      ...evidence,
      ...extra,
      rpc: trace.exchanges(),
    });

    const spin = await sendAndRecord(
      adapter.transactions,
      trace,
      probeIntent(probe.address, 'spin'),
      account,
      {
        gasLimit: spinGas,
        timeoutMs: params.receiptTimeoutMs,
      },
    );
    if (spin.kind === 'refused') {
      // Refusing up front (a node that simulates first) also keeps the loop off the chain, but only a
      // refusal that says it is about gas counts: any other reason proves nothing about the limit.
      evidence.spinAnswer = spin.answer;
      const message = spin.answer.accepted ? '' : spin.answer.error.message;
      if (!/gas|out of|limit|exceed/i.test(message)) {
        return {
          status: 'fail',
          summary: `${describeUnrecorded('spin()', spin, params.receiptTimeoutMs)}, for a reason that is not its gas limit`,
          evidence: finish(),
        };
      }
    } else if (spin.kind !== 'recorded') {
      return {
        status: 'fail',
        summary: describeUnrecorded('spin()', spin, params.receiptTimeoutMs),
        evidence: finish(),
      };
    }

    const problems: string[] = [];
    let spinFacts: Record<string, unknown> = { refused: true };
    if (spin.kind === 'recorded') {
      const { receipt } = spin;
      evidence.spin = { ...receiptEvidence(receipt), answer: spin.answer };
      spinFacts = { status: receipt.status, gasUsed: receipt.gasUsed.toString() };
      if (receipt.status !== '0x0')
        problems.push(`spin() (${spin.txId}) is recorded as successful, but it never returns`);
      if (receipt.gasUsed !== spinGas) {
        problems.push(
          `spin() used ${receipt.gasUsed} gas according to its receipt; an out-of-gas halt consumes the whole limit of ${spinGas}`,
        );
      }
      if (receipt.cumulativeGasUsed < receipt.gasUsed) {
        problems.push(
          `its receipt's cumulativeGasUsed ${receipt.cumulativeGasUsed} is below its gasUsed ${receipt.gasUsed}`,
        );
      } else if (receipt.transactionIndex === 0n && receipt.cumulativeGasUsed !== receipt.gasUsed) {
        problems.push(
          `it is first in its block, yet cumulativeGasUsed ${receipt.cumulativeGasUsed} differs from gasUsed ${receipt.gasUsed}`,
        );
      }
      const tx = await trace.read('eth_getTransactionByHash', [spin.txId], TransactionShape.nullable());
      if (!tx.ok) problems.push(`the spin transaction: ${tx.problem}`);
      else if (tx.value === null)
        problems.push(`eth_getTransactionByHash does not know ${spin.txId}, which has a receipt`);
      else if (tx.value.gas !== spinGas)
        problems.push(
          `the spin transaction is recorded with gas ${tx.value.gas}, but was signed with ${spinGas}`,
        );
      const block = await trace.read(
        'eth_getBlockByNumber',
        [quantity(receipt.blockNumber), false],
        BlockShape.nullable(),
      );
      if (!block.ok) problems.push(`block ${receipt.blockNumber}: ${block.problem}`);
      else if (block.value === null)
        problems.push(`block ${receipt.blockNumber}, named by the spin receipt, is missing`);
      else {
        evidence.block = {
          number: block.value.number.toString(),
          gasUsed: block.value.gasUsed.toString(),
          gasLimit: block.value.gasLimit.toString(),
        };
        if (block.value.gasUsed < spinGas)
          problems.push(
            `block ${receipt.blockNumber} reports gasUsed ${block.value.gasUsed}, less than the ${spinGas} spin() alone consumed`,
          );
      }
    }

    const call = await trace.request('eth_call', [
      { from: account.address, to: probe.address, data: probeCallData('spin'), gas: quantity(spinGas) },
      'latest',
    ]);
    const callFacts =
      call.kind === 'error' ? `error ${call.error.code}` : `result ${JSON.stringify(call.result)}`;
    if (call.kind === 'result') {
      problems.push(
        `eth_call of spin() with gas ${spinGas} answered a result (${JSON.stringify(call.result)?.slice(0, 80)}), not an out-of-gas error`,
      );
    }

    const next = await sendAndRecord(
      adapter.transactions,
      trace,
      { kind: 'transfer', to: account.address, amount: 0n },
      account,
      { gasLimit: 21_000n, timeoutMs: params.receiptTimeoutMs },
    );
    let nextFacts: string;
    if (next.kind !== 'recorded') {
      nextFacts = next.kind;
      problems.push(
        `after spin(), ${describeUnrecorded('the next transaction (a self-transfer)', next, params.receiptTimeoutMs)}`,
      );
    } else {
      nextFacts = `status ${next.receipt.status} in block ${next.receipt.blockNumber}`;
      evidence.next = receiptEvidence(next.receipt);
      if (next.receipt.status !== '0x1')
        problems.push(`the self-transfer after spin() failed (status ${next.receipt.status})`);
    }

    const expected = {
      spin: { status: '0x0', gasUsed: spinGas.toString() },
      ethCall: 'error (out of gas)',
      nextTransaction: 'status 0x1',
    };
    const actual = { spin: spinFacts, ethCall: callFacts, nextTransaction: nextFacts };
    if (problems.length > 0) {
      return {
        status: 'fail',
        summary: joinProblems(problems),
        expected,
        actual,
        evidence: finish({ problems }),
      };
    }
    const how =
      spin.kind === 'recorded'
        ? `spin() ran out of gas (status 0x0, all ${spinGas} gas used) in block ${spin.receipt.blockNumber}`
        : `spin() was refused up front (${spin.answer.accepted ? '' : spin.answer.error.message.slice(0, 80)})`;
    return {
      status: 'pass',
      summary: `${how}; eth_call answered ${callFacts}; the next transaction was recorded (${nextFacts})`,
      expected,
      actual,
      evidence: finish(),
    };
  },
});
