import type { RawRpcApi } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { TargetError } from '#core/errors/TargetError.ts';
import { calibrateRawEndpoint } from './calibrateRawEndpoint.ts';
import { judgeRefusal } from './judgeRefusal.ts';
import { malformedRequestCases } from './malformedRequestCases.ts';
import { malformedRequestRecoveryMs } from './malformedRequestRecoveryMs.ts';
import { oversizedRequestBytes } from './oversizedRequestBytes.ts';
import { describeExchange, postRawHttp } from './postRawHttp.ts';

/** A normal request after a probe: does the node still answer, the same, in time? */
interface FollowUp {
  readonly answered: boolean;
  readonly sameChainId: boolean;
  readonly elapsedMs: number;
  readonly answer: string;
  /** What the first try got, when only the retry was answered. */
  readonly firstAttempt?: string;
}

async function followUp(rpc: RawRpcApi, chainIdHex: string): Promise<FollowUp> {
  const first = await askChainId(rpc, chainIdHex);
  if (first.answered) return first;
  // One retry: a keep-alive connection the server closed meanwhile fails on first use on any client.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const second = await askChainId(rpc, chainIdHex);
  return second.answered ? { ...second, firstAttempt: first.answer } : second;
}

async function askChainId(rpc: RawRpcApi, chainIdHex: string): Promise<FollowUp> {
  const started = Date.now();
  try {
    const outcome = await rpc.request('eth_chainId', []);
    const sameChainId =
      outcome.kind === 'result' &&
      typeof outcome.result === 'string' &&
      outcome.result.toLowerCase() === chainIdHex;
    return {
      answered: outcome.kind === 'result',
      sameChainId,
      elapsedMs: Date.now() - started,
      answer: JSON.stringify(outcome).slice(0, 200),
    };
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    return {
      answered: false,
      sameChainId: false,
      elapsedMs: Date.now() - started,
      answer: error.shortMessage,
    };
  }
}

/**
 * API-05 — JR/T 0184-2020 11.7 (availability: resist malformed packets, clients always answered in
 * normal time), standards.md §5 CON-08. Each probe of malformedRequestCases (multi-megabyte body,
 * 100,000-deep JSON, a 262,144-bit quantity, 256 KiB of garbage as a raw transaction, text/plain,
 * XML) is sent raw to the endpoint, then one normal eth_chainId through the adapter.
 *
 * Comparison policy (judgeRefusal): each probe refused with a JSON-RPC error (any code) or an HTTP 4xx;
 * a connection closed without an answer is a tolerated, recorded deviation. After each probe the node
 * must answer eth_chainId with its chain id within malformedRequestRecoveryMs (one retry after 200 ms
 * when the first try gets no answer, recorded). A node that stops
 * answering after a probe fails (the probe took it down), it does not error: it answered before.
 * Skipped when the recorded endpoint does not take raw requests (calibrateRawEndpoint).
 */
export const apiOversizedAndMalformedRequests = defineCheck({
  id: 'api-oversized-and-malformed-requests',
  catalogueId: 'API-05',
  kind: 'conformance',
  title: {
    zh: '超大与畸形请求被拒绝且节点保持可用',
    en: 'Oversized and malformed requests are refused; the node stays up',
  },
  requires: ['rpc.jsonrpc'],
  parameters: [oversizedRequestBytes, malformedRequestRecoveryMs],
  faults: ['malformed-request-html-500'],
  description:
    'Sends six requests no node should act on (a multi-megabyte invalid address, JSON nested 100,000 deep, a ' +
    '65,536-digit block number, 256 KiB of garbage as a raw transaction, a valid call declared text/plain, an XML ' +
    'document), each followed by a normal eth_chainId. Passes when each is refused with a JSON-RPC error or HTTP 4xx ' +
    '(a closed connection tolerated) and every follow-up answers the chain id within malformedRequestRecoveryMs.',
  failsWhen:
    'A probe gets a result (it was acted on), an HTTP 5xx or 2xx without a JSON-RPC error (a crash page), or no ' +
    'answer in time; or the node stops answering, answers another chain id, or answers slower than ' +
    'malformedRequestRecoveryMs after a probe.',
  async run({ adapter, params }) {
    const calibration = await calibrateRawEndpoint(adapter);
    if (!calibration.usable) {
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: calibration.reason,
        evidence: { answer: calibration.answer },
      };
    }
    const chainIdHex = `0x${BigInt(adapter.info.chainId).toString(16)}`;
    const baseline = await followUp(adapter.rpc, chainIdHex);
    const probes = [];
    for (const probe of malformedRequestCases) {
      const body = probe.body(params.oversizedRequestBytes);
      const exchange = await postRawHttp(calibration.endpoint, body, {
        contentType: probe.contentType,
        caCertPem: adapter.caCertPem,
        timeoutMs: 30_000,
        // Nodes may echo the offending value in their error (Hardhat 2.29.1 answers a 4 MiB address with a
        // 12 MiB -32602 message): the first MiB says whether it is a JSON-RPC error (judgeRefusal).
        maxBodyBytes: 1_048_576,
      });
      const refusal = judgeRefusal(exchange);
      const after = await followUp(adapter.rpc, chainIdHex);
      const problems: string[] = [];
      if (refusal.verdict === 'not-refused') problems.push(`not refused: ${refusal.how}`);
      if (!after.answered) problems.push(`the node stopped answering afterwards: ${after.answer}`);
      else if (!after.sameChainId) problems.push(`eth_chainId afterwards answered ${after.answer}`);
      else if (after.elapsedMs > params.malformedRequestRecoveryMs)
        problems.push(
          `eth_chainId afterwards took ${after.elapsedMs} ms (limit ${params.malformedRequestRecoveryMs} ms)`,
        );
      probes.push({
        name: probe.name,
        sends: probe.sends,
        contentType: probe.contentType,
        bytes: Buffer.byteLength(body),
        policy: probe.policy,
        answer: describeExchange(exchange),
        refusal,
        followUp: after,
        problems,
      });
      if (!after.answered) break; // the node is down: the remaining probes would judge nothing
    }
    const evidence = { endpoint: calibration.endpoint, baseline, probes };
    const expected =
      'each probe refused (JSON-RPC error or HTTP 4xx), the node answering normally right after';
    const actual = Object.fromEntries(
      probes.map((p) => [p.name, p.problems.length === 0 ? p.refusal.how : p.problems.join('; ')]),
    );
    const failed = probes.filter((p) => p.problems.length > 0);
    if (failed.length > 0) {
      return {
        status: 'fail',
        summary: `${failed.length} of ${malformedRequestCases.length} malformed requests mishandled: ${failed
          .map((p) => `${p.name} ${p.problems.join(', ')}`)
          .join('; ')}`,
        expected,
        actual,
        evidence,
      };
    }
    const tolerated = probes.filter((p) => p.refusal.verdict === 'tolerated');
    const slowest = Math.max(...probes.map((p) => p.followUp.elapsedMs));
    return {
      status: 'pass',
      summary: `all ${probes.length} malformed requests refused and the node answered within ${slowest} ms after each${
        tolerated.length === 0
          ? ''
          : ` (tolerated deviation: ${tolerated.map((p) => `${p.name} ${p.refusal.how}`).join('; ')})`
      }`,
      expected,
      actual,
      evidence,
    };
  },
});
