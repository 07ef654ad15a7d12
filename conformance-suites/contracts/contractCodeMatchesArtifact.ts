import { getContractAddress, keccak256 } from 'viem';
import type { Hex } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { createNetworkTraces } from './createRpcTrace.ts';
import { joinProblems } from './joinProblems.ts';
import { DataShape, quantity, ReceiptShape, TransactionShape } from './jsonRpcShapes.ts';
import { loadProbeArtifact } from './loadProbeArtifact.ts';
import { probeContractFixture } from './probeContractFixture.ts';
import { probeUnavailable } from './probeUnavailable.ts';
import { waitForHeight } from './waitForHeight.ts';

/** What a code read is compared with: the artifact's runtime bytes, or no code at all. */
function describeCode(code: Hex): string {
  return code === '0x' ? '0x (no code)' : `${(code.length - 2) / 2} bytes, keccak256 ${keccak256(code)}`;
}

/**
 * SC-09 (chaineval extension) — JR/T 0184-2020 12.2 (the deployed version is the one defined at
 * deployment) and 12.6 (identical on all nodes): what runs at the Probe's address is exactly the
 * runtime bytecode of the committed, reproducible artifact (build/Probe.json: compiler and settings
 * pinned), and it did not exist before its deployment block.
 *
 * The check reads the deployment's receipt and transaction, recomputes the contract address the
 * harness expects from sender and nonce (CREATE: keccak256(rlp(sender, nonce))), then on every endpoint
 * reads eth_getCode at "latest", at the deployment block D and at D - 1.
 *
 * Comparison policy: bytes are compared exactly (lower-case hex). Probe has no immutables, so nothing
 * is masked; a contract with immutables would need its immutable ranges masked before comparing. The
 * code must be the artifact's `deployedBytecode` at "latest" and at D, and `0x` at D - 1, on every
 * endpoint; the receipt's contractAddress must be the recomputed address. An endpoint that does not
 * hold block D within receiptTimeoutMs, an error or a malformed answer is a `fail`.
 */
export const contractCodeMatchesArtifact = defineCheck({
  id: 'contract-code-matches-artifact',
  catalogueId: 'SC-09',
  kind: 'conformance',
  title: { zh: '链上合约代码与发布构件一致', en: 'Deployed contract code matches its artifact' },
  requires: ['tx.clientSign', 'tx.receipts', 'contract.evm', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs],
  fixtures: [probeContractFixture],
  faults: ['code-truncated', 'historical-state-reads-latest'],
  description:
    'Reads the Probe deployment’s receipt and transaction, recomputes the CREATE address from sender and nonce, and ' +
    'on every endpoint reads eth_getCode at latest, at the deployment block D and at D - 1. Passes when the address ' +
    'matches and the code is exactly the artifact’s runtime bytecode at latest and D and empty at D - 1.',
  failsWhen:
    'The code differs from the artifact’s runtime bytecode (any byte), code exists before the deployment block, the ' +
    'receipt names another address, or an endpoint does not serve the code.',
  async run({ network, params, fixture }) {
    const probe = await fixture(probeContractFixture);
    if (!probe.deployed) return probeUnavailable(probe);
    const runtime = loadProbeArtifact().deployedBytecode;
    const traces = createNetworkTraces(network.map((endpoint) => endpoint.rpc));
    const first = traces[0]!;
    const evidence: Record<string, unknown> = {
      probe: probe.address,
      deployTx: probe.txId,
      artifact: { path: 'conformance-suites/contracts/build/Probe.json', runtime: describeCode(runtime) },
    };
    const finish = (extra: Record<string, unknown> = {}) => ({
      ...evidence,
      ...extra,
      rpc: first.exchanges(),
    });
    const fail = (summary: string, extra: Record<string, unknown> = {}) => ({
      status: 'fail' as const,
      summary,
      evidence: finish(extra),
    });

    const receipt = await first.read('eth_getTransactionReceipt', [probe.txId], ReceiptShape.nullable());
    if (!receipt.ok) return fail(`the deployment's receipt: ${receipt.problem}`);
    if (receipt.value === null) return fail(`the node no longer has the receipt of deployment ${probe.txId}`);
    const tx = await first.read('eth_getTransactionByHash', [probe.txId], TransactionShape.nullable());
    if (!tx.ok) return fail(`the deployment transaction: ${tx.problem}`);
    if (tx.value === null) return fail(`the node no longer has deployment transaction ${probe.txId}`);
    const deployBlock = receipt.value.blockNumber;
    const computed = getContractAddress({ from: tx.value.from, nonce: tx.value.nonce }).toLowerCase();
    evidence.deployBlock = deployBlock.toString();
    evidence.createAddress = { from: tx.value.from, nonce: tx.value.nonce.toString(), computed };

    const problems: string[] = [];
    if (receipt.value.contractAddress !== computed) {
      problems.push(
        `the receipt names contract ${receipt.value.contractAddress ?? 'null'}, but CREATE from ${tx.value.from} at nonce ${tx.value.nonce} gives ${computed}`,
      );
    }
    const points = [
      { at: 'latest', tag: 'latest', expected: runtime },
      { at: `D = ${deployBlock}`, tag: quantity(deployBlock), expected: runtime },
      ...(deployBlock > 0n
        ? [{ at: `D - 1 = ${deployBlock - 1n}`, tag: quantity(deployBlock - 1n), expected: '0x' as Hex }]
        : []),
    ];
    const actual: Record<string, string> = {};
    for (const [i, trace] of traces.entries()) {
      if (i > 0) {
        const reached = await waitForHeight(trace, deployBlock, params.receiptTimeoutMs);
        if (!reached.reached) {
          problems.push(
            `endpoint ${i} (${network[i]!.info.endpoint}) does not hold block ${deployBlock}: ${reached.problem}`,
          );
          continue;
        }
      }
      for (const point of points) {
        const code = await trace.read('eth_getCode', [probe.address, point.tag], DataShape);
        const where = traces.length > 1 ? ` on endpoint ${i}` : '';
        if (!code.ok) {
          problems.push(`eth_getCode at ${point.at}${where}: ${code.problem}`);
          continue;
        }
        actual[`${point.at}${where}`] = describeCode(code.value);
        if (code.value !== point.expected) {
          problems.push(
            `eth_getCode at ${point.at}${where} answered ${describeCode(code.value)}, expected ${point.expected === '0x' ? 'no code before the deployment block' : `the artifact's ${describeCode(runtime)}`}${firstDifference(code.value, point.expected)}`,
          );
        }
      }
    }
    const expected = Object.fromEntries(points.map((p) => [p.at, describeCode(p.expected)]));
    if (problems.length > 0) {
      return {
        status: 'fail',
        summary: joinProblems(problems),
        expected,
        actual,
        evidence: finish({ problems }),
      };
    }
    const scope = network.length === 1 ? '' : ` on all ${network.length} endpoints`;
    return {
      status: 'pass',
      summary: `the code at ${probe.address} is the artifact's runtime bytecode (${describeCode(runtime)}) from block ${deployBlock} on and absent before it${scope}`,
      expected,
      actual,
      evidence: finish(),
    };
  },
});

/** Where two non-empty codes first differ, as a clause of a summary. */
function firstDifference(actual: Hex, expected: Hex): string {
  if (actual === '0x' || expected === '0x') return '';
  const a = actual.slice(2);
  const e = expected.slice(2);
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  const byte = Math.floor(i / 2);
  if (i === a.length || i === e.length)
    return ` (one is a prefix of the other: they differ from byte ${byte} on)`;
  return ` (first difference at byte ${byte})`;
}
