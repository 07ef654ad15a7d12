import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { buildBlocksOnTop } from './buildBlocksOnTop.ts';
import { createRpcLog, rpcEvidence } from './evm/createRpcReader.ts';
import { networkReaders } from './evm/networkReaders.ts';
import { QuantityShape, ReceiptShape } from './evm/rpcShapes.ts';
import { waitForHeight } from './evm/waitForHeight.ts';
import { finalityDepth } from './finalityDepth.ts';
import { finalityLatencyMaxMs } from './finalityLatencyMaxMs.ts';
import { finalityLatencySamples } from './finalityLatencySamples.ts';

const pollMs = 25;

interface Sample {
  readonly txId: string;
  readonly submittedAtMs: number;
  /** Block on the first endpoint, once its receipt is read there. */
  block?: bigint;
  /** Harness clock when the receipt had been read on every endpoint. */
  includedAtMs?: number;
  /** Harness clock when every endpoint's head had reached block + finalityDepth. */
  finalAtMs?: number;
  /** Endpoints whose receipt was read. */
  readonly seenOn: Set<number>;
}

/** The median of `values` (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * CON-10 (chaineval extension of PERF-02 for a few of the harness's own transactions) — JR/T
 * 0184-2020 7.3 (consensus within a specified time), 11.4 (finality within an acceptable finite time)
 * and 11.11 (low latency); JR/T 0193-2020 §7.3. The Hyperledger PSWG's transaction latency: from
 * submission to the commit being visible on every node, with finality counted as finalityDepth blocks
 * on top.
 *
 * Comparison policy: finalityLatencySamples self-transfers are submitted in turn to the first
 * endpoint; the harness clock is read just before each submission. A sample is included once its
 * receipt has been read on every endpoint, and final once every endpoint's head has reached its block
 * + finalityDepth (on an automining chain the blocks on top come from the later samples and at most
 * finalityDepth extra self-transfers). Each sample's submission-to-finality time must be at most
 * finalityLatencyMaxMs; a sample not final by then fails without waiting longer. p50 and max of
 * inclusion and finality latency are reported (resolution: the 25 ms poll interval; endpoints other
 * than the first are polled in turn, so their times are upper bounds).
 */
export const consensusFinalityLatency = defineCheck({
  id: 'consensus-finality-latency',
  catalogueId: 'CON-10',
  kind: 'conformance',
  title: { zh: '交易确认（最终性）延迟', en: 'Latency from submission to finality' },
  requires: ['rpc.jsonrpc', 'tx.clientSign', 'tx.receipts'],
  parameters: [finalityLatencySamples, finalityDepth, finalityLatencyMaxMs, receiptTimeoutMs],
  faults: ['commit-delayed'],
  budget: (params) => [{ kind: 'transfer', count: params.finalityLatencySamples + params.finalityDepth }],
  description:
    'Submits finalityLatencySamples self-transfers to the first endpoint and times each until its receipt is visible on ' +
    'every endpoint (inclusion) and every endpoint has finalityDepth blocks on top of it (finality). Passes when every ' +
    'submission-to-finality time is at most finalityLatencyMaxMs; reports p50 and max.',
  failsWhen:
    'A transaction is not included and final on every endpoint within finalityLatencyMaxMs of its submission, or the ' +
    'node refuses the transfers or answers malformed receipts.',
  async run({ adapter, network, account, params }) {
    const log = createRpcLog();
    const readers = networkReaders(network, log);
    const first = readers[0];
    if (first === undefined) throw new Error('unreachable: the network always holds the first endpoint');
    const K = BigInt(params.finalityDepth);
    const bound = params.finalityLatencyMaxMs;
    const samples: Sample[] = [];
    const problems: string[] = [];
    for (let i = 0; i < params.finalityLatencySamples; i++) {
      const signed = await adapter.transactions.sign(
        { kind: 'transfer', to: account.address, amount: 1n },
        account,
      );
      const submittedAtMs = Date.now();
      const answer = await adapter.transactions.submit(signed);
      if (!answer.accepted) {
        problems.push(
          `the node refused self-transfer ${i + 1} (${answer.error.code} "${answer.error.message.slice(0, 120)}")`,
        );
        break;
      }
      samples.push({ txId: answer.txId, submittedAtMs, seenOn: new Set() });
    }
    const last = samples[samples.length - 1];
    const deadlineMs =
      (last?.submittedAtMs ?? Date.now()) + Math.min(bound, params.receiptTimeoutMs) + pollMs;
    const markFinal = (height: bigint, atMs: number) => {
      // Finality on the first endpoint; the other endpoints are checked after it (upper bounds).
      for (const s of samples)
        if (s.block !== undefined && s.finalAtMs === undefined && height >= s.block + K) s.finalAtMs = atMs;
    };

    // Inclusion: every receipt on every endpoint, polled together.
    while (
      samples.some((s) => s.includedAtMs === undefined) &&
      Date.now() < deadlineMs &&
      problems.length === 0
    ) {
      for (const s of samples.filter((x) => x.includedAtMs === undefined)) {
        for (const reader of readers) {
          if (s.seenOn.has(reader.endpoint)) continue;
          const read = await reader.readNullable('eth_getTransactionReceipt', [s.txId], ReceiptShape, {
            quietWhenNull: true,
          });
          if (!read.ok) problems.push(read.problem);
          else if (read.value !== null) {
            s.seenOn.add(reader.endpoint);
            if (reader.endpoint === 0) s.block = read.value.blockNumber;
          }
        }
        if (s.seenOn.size === readers.length) s.includedAtMs = Date.now();
      }
      const head = await first.readQuietly('eth_blockNumber', [], QuantityShape);
      if (head.ok) markFinal(head.value, Date.now());
      if (samples.some((x) => x.includedAtMs === undefined)) await new Promise((r) => setTimeout(r, pollMs));
    }
    // Finality: blocks on top of the last included sample, added by self-transfers where the chain does not make them.
    const included = samples.filter((s) => s.block !== undefined && s.includedAtMs !== undefined);
    const highest = included.reduce((max, s) => ((s.block ?? 0n) > max ? (s.block ?? 0n) : max), -1n);
    let nudges: readonly string[] = [];
    if (problems.length === 0 && included.length === samples.length && highest >= 0n) {
      const built = await buildBlocksOnTop({
        transactions: adapter.transactions,
        account,
        reader: first,
        target: highest + K,
        maxNudges: params.finalityDepth,
        perNudgeTimeoutMs: Math.max(0, deadlineMs - Date.now()),
        deadlineMs,
        onHead: markFinal,
      });
      nudges = built.nudges;
      if (built.kind === 'reached') {
        for (const reader of readers.slice(1)) {
          const reached = await waitForHeight(reader, highest + K, deadlineMs);
          if (reached.kind === 'malformed') problems.push(reached.problem);
          const at = Date.now();
          // An endpoint behind at the deadline leaves the samples it lacks not final.
          for (const s of samples) {
            if (s.finalAtMs === undefined || s.block === undefined) continue;
            if (reached.kind === 'reached' && reached.height >= s.block + K)
              s.finalAtMs = Math.max(s.finalAtMs, at);
            else delete s.finalAtMs;
          }
        }
      }
    }
    const inclusion = samples.flatMap((s) =>
      s.includedAtMs === undefined ? [] : [s.includedAtMs - s.submittedAtMs],
    );
    const finality = samples.flatMap((s) =>
      s.finalAtMs === undefined ? [] : [s.finalAtMs - s.submittedAtMs],
    );
    for (const [i, s] of samples.entries()) {
      if (s.includedAtMs === undefined)
        problems.push(
          `self-transfer ${i + 1} (${s.txId}) was not visible on ${s.seenOn.size === 0 ? 'any endpoint' : `endpoint(s) other than ${[...s.seenOn].map((e) => e + 1).join(', ')}`} within ${bound} ms of its submission`,
        );
      else if (s.finalAtMs === undefined)
        problems.push(
          `self-transfer ${i + 1} (${s.txId}) in block ${s.block} did not get ${params.finalityDepth} block(s) on top on every endpoint within ${bound} ms`,
        );
      else if (s.finalAtMs - s.submittedAtMs > bound)
        problems.push(
          `self-transfer ${i + 1} (${s.txId}) took ${s.finalAtMs - s.submittedAtMs} ms to finality, above ${bound} ms`,
        );
    }
    const stats = (values: readonly number[]) =>
      values.length === 0
        ? null
        : { p50Ms: median(values), maxMs: Math.max(...values), samples: values.length };
    const evidence = {
      endpoints: readers.map((r) => r.label),
      finalityDepth: params.finalityDepth,
      finalityLatencyMaxMs: bound,
      inclusionLatency: stats(inclusion),
      finalityLatency: stats(finality),
      samples: samples.map((s) => ({
        txId: s.txId,
        block: s.block?.toString() ?? null,
        inclusionMs: s.includedAtMs === undefined ? null : s.includedAtMs - s.submittedAtMs,
        finalityMs: s.finalAtMs === undefined ? null : s.finalAtMs - s.submittedAtMs,
      })),
      nudges,
      problems: problems.slice(0, 10),
      ...rpcEvidence(log),
    };
    const expected = `every transaction final (${params.finalityDepth} block(s) on top, on every endpoint) within ${bound} ms`;
    if (problems.length === 0) {
      return {
        status: 'pass',
        summary: `${samples.length} transactions final within ${Math.max(...finality)} ms (p50 ${median(finality)} ms; inclusion p50 ${median(inclusion)} ms, max ${Math.max(...inclusion)} ms), bound ${bound} ms`,
        expected,
        actual: { inclusion: stats(inclusion), finality: stats(finality) },
        evidence,
      };
    }
    return {
      status: 'fail',
      summary: `finality latency not within ${bound} ms: ${problems.slice(0, 2).join('; ')}`,
      expected,
      actual: { inclusion: stats(inclusion), finality: stats(finality), problems: problems.length },
      evidence,
    };
  },
});
