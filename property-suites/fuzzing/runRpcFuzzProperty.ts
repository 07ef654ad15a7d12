import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { isThrottledAnswer, throttleBackoffMs } from '#adapters/evm/createJsonRpcTransport.ts';
import { calibrateRawEndpoint } from '#conformance/api/calibrateRawEndpoint.ts';
import { describeExchange, jsonOf, postRawHttp, type RawHttpExchange } from '#conformance/api/postRawHttp.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import type { CommandStep, PropertyRun } from '#core/checks/PropertyRunSchema.ts';
import { type FuzzCase, MalformedBodyArb } from './arbitraries.ts';
import { FuzzViolationError } from './FuzzViolationError.ts';
import { judgeFuzzAnswer } from './judgeFuzzAnswer.ts';
import { knownCrashers } from './knownCrashers.ts';
import type { RpcFuzzContext } from './rpcFuzzParameters.ts';

/** A recorded counterexample: the bodies to send again, once each, in order (`chaineval replay`). */
export interface RpcFuzzReplay {
  readonly bodies: readonly string[];
  readonly seed?: number;
}

/** Deadline of one malformed request: far above any loopback answer, so only a hang reaches it. */
const requestTimeoutMs = 10_000;
/** Bodies up to this size are recorded whole as the replayable command. */
const recordedBodyBytes = 8_192;
/** Latency samples before and after the burst (medians compared). */
const latencySamples = 5;
/** Differences below this are timer and scheduling noise on a shared machine, never a verdict. */
const latencySlackMs = 100;

const rawBody = (body: string): CommandStep => ({ name: 'RawBody', args: [body] });
const preview = (body: string): string =>
  body.length <= 200 ? body : `${body.slice(0, 160)}… (${Buffer.byteLength(body)} bytes)`;

/**
 * PROP-07's runner (issue 8 deliverable 3): measures eth_blockNumber latency, sends up to
 * rpcFuzzMaxRequests malformed bodies from MalformedBodyArb as raw HTTP POSTs to the endpoint (the one
 * in the target fingerprint, credentials removed: calibrateRawEndpoint), judges each answer on its own
 * (judgeFuzzAnswer), and after the burst asks whether the node still answers eth_blockNumber and
 * eth_chainId correctly and as fast as before. A violation is shrunk by fast-check to the smallest
 * body that still breaks an invariant; the result records seed, path and that body as data, so
 * `chaineval replay` sends it again. With `replay`, sends exactly the recorded bodies instead.
 */
export async function runRpcFuzzProperty(
  ctx: RpcFuzzContext,
  options: { readonly replay?: RpcFuzzReplay } = {},
): Promise<CheckOutcome> {
  const { adapter, params } = ctx;
  const calibration = await calibrateRawEndpoint(adapter);
  if (!calibration.usable) {
    return {
      status: 'skip',
      skipReason: 'precondition',
      summary: calibration.reason,
      evidence: { answer: calibration.answer },
    };
  }
  const { endpoint } = calibration;
  const postOnce = (body: string, timeoutMs: number): Promise<RawHttpExchange> =>
    postRawHttp(endpoint, body, { caCertPem: adapter.caCertPem, timeoutMs, maxBodyBytes: 1_048_576 });
  // A rate-limited gateway's throttling (HTTP 429/503, -32005) is waited out as the adapter's own
  // transport does, so the judged answer is the node's, not the limiter's, whenever the limiter allows.
  const post = async (body: string, timeoutMs = requestTimeoutMs): Promise<RawHttpExchange> => {
    let exchange = await postOnce(body, timeoutMs);
    for (const waitMs of throttleBackoffMs) {
      if (
        exchange.kind !== 'answered' ||
        !isThrottledAnswer({ status: exchange.httpStatus, body: exchange.body })
      )
        break;
      await sleep(waitMs);
      exchange = await postOnce(body, timeoutMs);
    }
    return exchange;
  };
  const chainId = BigInt(adapter.info.chainId);
  const probe = createProbe(post, chainId);
  const before = await probe.latency();
  if (before === undefined) {
    return {
      status: 'error',
      summary: `eth_blockNumber did not answer at ${endpoint} before the burst; nothing to compare with`,
    };
  }

  const seed = options.replay?.seed ?? params.propertySeed ?? randomInt(0, 2 ** 31 - 1);
  const tally = { sent: 0, tolerated: new Map<string, { count: number; example: string }>() };
  /** Set once a request took the node down: later runs send nothing, so shrinking keeps that body. */
  let downAfter: FuzzCase | undefined;
  const sendAndJudge = async (c: FuzzCase): Promise<void> => {
    tally.sent++;
    const exchange = await post(c.body);
    const judgement = judgeFuzzAnswer(c.body, exchange);
    for (const note of judgement.verdict === 'tolerated' ? judgement.notes : []) {
      const seen = tally.tolerated.get(note);
      tally.tolerated.set(note, { count: (seen?.count ?? 0) + 1, example: seen?.example ?? preview(c.body) });
    }
    if (judgement.verdict !== 'violation') return;
    const live = await probe.live();
    if (!live.ok) downAfter = c;
    throw new FuzzViolationError(
      `${c.family} ${preview(c.body)}: ${judgement.notes.join('; ')}${live.ok ? '' : `; then the node stopped answering (${live.answer})`}`,
      describeExchange(exchange, 400),
    );
  };

  if (options.replay) return replayBodies(ctx, options.replay, seed, sendAndJudge, tally);

  const cap = params.rpcFuzzMaxRequests * 2;
  const property = fc.asyncProperty<[FuzzCase]>(
    MalformedBodyArb({
      maxBodyBytes: params.rpcFuzzMaxBodyBytes,
      knownCrashers: params.rpcFuzzKnownCrashers,
    }),
    async (c) => {
      // Past the node's fall or the request cap, shrinking stops where it is (a passing candidate).
      if (downAfter !== undefined || tally.sent >= cap || ctx.signal.aborted) return;
      await sendAndJudge(c);
    },
  );
  ctx.progress(`PROP-07: seed ${seed}, ${params.rpcFuzzMaxRequests} malformed requests to ${endpoint}`);
  const details = await fc.check<[FuzzCase]>(property, {
    seed,
    numRuns: params.rpcFuzzMaxRequests,
    // The bodies known to stop a node first when asked for, so the verdict does not depend on the seed.
    ...(params.rpcFuzzKnownCrashers ? { examples: knownCrashers.map((c): [FuzzCase] => [c]) } : {}),
    plugins: [
      fc.interruptAfterTimeLimit(params.propertyTimeBudgetMs, { failOnInterrupt: true }) as fc.Plugin<
        [FuzzCase]
      >,
    ],
  });
  const run: PropertyRun = { seed, numRuns: Math.max(1, details.numRuns), commandsExecuted: tally.sent };
  const evidence = {
    endpoint,
    requestsSent: tally.sent,
    latencyBeforeMs: before,
    tolerated: Object.fromEntries(tally.tolerated),
  };
  if (ctx.signal.aborted) {
    return {
      status: 'error',
      summary: `stopped before a verdict after ${tally.sent} requests`,
      property: run,
      evidence,
    };
  }
  if (details.failed && details.counterexample !== null) {
    const error = details.errorInstance;
    if (!(error instanceof FuzzViolationError)) throw error;
    const [c] = details.counterexample;
    const failing: FuzzCase = downAfter ?? c;
    return {
      status: 'fail',
      summary: `a malformed request was mishandled: ${error.shortMessage}`,
      expected: 'a well-formed JSON-RPC 2.0 answer with a standard error code and the right id, the node up',
      actual: error.actual,
      evidence: {
        ...evidence,
        replay: { seed, path: details.counterexamplePath },
        ...(details.interrupted
          ? { note: 'shrinking stopped at the time budget; the body may not be minimal' }
          : {}),
      },
      property: {
        ...run,
        ...(details.counterexamplePath === null ? {} : { path: details.counterexamplePath }),
        counterexample: [preview(failing.body)],
        ...(Buffer.byteLength(failing.body) <= recordedBodyBytes
          ? { commands: [rawBody(failing.body)], failingStep: 0 }
          : {}),
        shrinks: details.numShrinks,
        failure: error.shortMessage,
      },
    };
  }
  if (details.failed) {
    return {
      status: 'error',
      summary: `time budget of ${params.propertyTimeBudgetMs} ms ran out after ${tally.sent} requests without a verdict`,
      property: run,
      evidence,
    };
  }
  return afterBurst(ctx, probe, before, run, evidence);
}

/** After the burst: the node answers correctly (within the recovery bound) and about as fast as before. */
async function afterBurst(
  ctx: RpcFuzzContext,
  probe: Probe,
  before: LatencySample,
  run: PropertyRun,
  evidence: Record<string, unknown>,
): Promise<CheckOutcome> {
  const { params } = ctx;
  const recovery = await probe.recovered(params.malformedRequestRecoveryMs);
  if (!recovery.ok) {
    return {
      status: 'fail',
      summary: `after ${run.commandsExecuted} malformed requests the node no longer answers eth_blockNumber and eth_chainId correctly within ${params.malformedRequestRecoveryMs} ms: ${recovery.answer}`,
      expected: 'eth_blockNumber a quantity and eth_chainId the chain id, right after the burst',
      actual: recovery.answer,
      property: {
        ...run,
        failure: `the node stopped answering correctly after the burst: ${recovery.answer}`,
      },
      evidence,
    };
  }
  const bound = before.medianMs * params.rpcFuzzLatencyFactor + latencySlackMs;
  let after = await probe.latency();
  if (after !== undefined && after.medianMs > bound) {
    await sleep(1_000); // a moment of catching up is recovery too
    after = await probe.latency();
  }
  const judged = { ...evidence, latencyAfterMs: after, latencyBoundMs: bound };
  const tolerated = Object.keys(evidence.tolerated as object);
  const deviations =
    tolerated.length === 0
      ? ''
      : ` (${tolerated.length} tolerated deviation(s), counted in evidence: ${tolerated.slice(0, 2).join('; ')}${tolerated.length > 2 ? '; …' : ''})`;
  if (after === undefined) {
    return {
      status: 'fail',
      summary: 'eth_blockNumber stopped answering while latency was measured after the burst',
      property: { ...run, failure: 'eth_blockNumber stopped answering after the burst' },
      evidence: judged,
    };
  }
  if (after.medianMs > bound) {
    // Consistently slow is the node's doing; scattered samples may be the shared machine's.
    if (after.samplesMs.every((ms) => ms > bound)) {
      return {
        status: 'fail',
        summary: `eth_blockNumber takes ${after.medianMs} ms (median) after the burst, ${before.medianMs} ms before: above ${bound} ms (×${params.rpcFuzzLatencyFactor} + ${latencySlackMs} ms)`,
        expected: `median ≤ ${bound} ms`,
        actual: after,
        property: {
          ...run,
          failure: `latency did not recover: ${after.medianMs} ms after, ${before.medianMs} ms before`,
        },
        evidence: judged,
      };
    }
    return {
      status: 'error',
      summary: `latency after the burst could not be measured reliably (samples ${after.samplesMs.join(', ')} ms against a bound of ${bound} ms)`,
      property: run,
      evidence: judged,
    };
  }
  // Not sending null relaxes what the profile requires (a node must survive any request): a pass
  // without it is a waiver, and the clause is waived, not conform.
  const waiver =
    ctx.requirements.rpcFuzzKnownCrashers === true && !params.rpcFuzzKnownCrashers
      ? {
          waiver: {
            parameter: 'rpcFuzzKnownCrashers',
            value: false,
            requirement: true,
            note: 'the bodies known to stop an implementation (null: Hardhat 2.29.1, ganache 7.9.2; eth_feeHistory with a block count of 2^64: anvil 1.7.1) were not sent: survival of them was not verified',
          },
        }
      : {};
  return {
    status: 'pass',
    summary: `${run.commandsExecuted} malformed requests each got a well-formed JSON-RPC answer; the node stayed up and answers in ${after.medianMs} ms (${before.medianMs} ms before), seed ${run.seed}${deviations}${params.rpcFuzzKnownCrashers ? '' : '; the known crashers were not sent (rpcFuzzKnownCrashers false)'}`,
    property: run,
    evidence: judged,
    ...waiver,
  };
}

async function replayBodies(
  ctx: RpcFuzzContext,
  replay: RpcFuzzReplay,
  seed: number,
  sendAndJudge: (c: FuzzCase) => Promise<void>,
  tally: { sent: number },
): Promise<CheckOutcome> {
  const commands = replay.bodies.map(rawBody);
  const run: PropertyRun = { seed, numRuns: 1, commandsExecuted: 0 };
  for (const [index, body] of replay.bodies.entries()) {
    ctx.progress(`step ${index + 1}/${replay.bodies.length} RawBody(${preview(body)})`);
    try {
      await sendAndJudge({ family: 'request', body });
    } catch (error) {
      if (!(error instanceof FuzzViolationError)) throw error;
      return {
        status: 'fail',
        summary: `replay: step ${index + 1} failed: ${error.shortMessage}`,
        actual: error.actual,
        evidence: { replayOf: commands },
        property: {
          ...run,
          commandsExecuted: tally.sent,
          counterexample: replay.bodies.map(preview),
          commands,
          failingStep: index,
          failure: error.shortMessage,
        },
      };
    }
  }
  return {
    status: 'pass',
    summary: `replay: all ${replay.bodies.length} recorded bodies got well-formed JSON-RPC answers`,
    evidence: { replayOf: commands },
    property: { ...run, commandsExecuted: tally.sent, counterexample: replay.bodies.map(preview), commands },
  };
}

interface LatencySample {
  readonly medianMs: number;
  readonly samplesMs: readonly number[];
}

interface Probe {
  /** Median of a few eth_blockNumber round trips; undefined when one is not answered with a quantity. */
  latency(): Promise<LatencySample | undefined>;
  /** One eth_chainId right now: answered with the chain id? */
  live(): Promise<{ readonly ok: boolean; readonly answer: string }>;
  /** Polls eth_blockNumber and eth_chainId until both answer correctly, for at most `withinMs`. */
  recovered(withinMs: number): Promise<{ readonly ok: boolean; readonly answer: string }>;
}

const call = (method: string) => JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: [] });

function createProbe(
  post: (body: string, timeoutMs?: number) => Promise<RawHttpExchange>,
  chainId: bigint,
): Probe {
  const ask = async (method: string, timeoutMs: number) => {
    const exchange = await post(call(method), timeoutMs);
    const value = jsonOf(exchange) as { result?: unknown } | undefined;
    const result =
      typeof value?.result === 'string' && /^0x[0-9a-f]+$/i.test(value.result)
        ? BigInt(value.result)
        : undefined;
    return { exchange, result, answer: JSON.stringify(describeExchange(exchange, 120)) };
  };
  const live = async (timeoutMs = 5_000) => {
    const id = await ask('eth_chainId', timeoutMs);
    return { ok: id.result === chainId, answer: id.answer };
  };
  return {
    async latency() {
      const samplesMs: number[] = [];
      for (let i = 0; i < latencySamples; i++) {
        const height = await ask('eth_blockNumber', requestTimeoutMs);
        if (height.result === undefined || height.exchange.kind !== 'answered') return undefined;
        samplesMs.push(height.exchange.elapsedMs);
      }
      const sorted = [...samplesMs].sort((a, b) => a - b);
      return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, samplesMs };
    },
    live: () => live(),
    async recovered(withinMs) {
      const deadline = Date.now() + withinMs;
      let last = 'not asked';
      while (true) {
        const left = Math.max(100, deadline - Date.now());
        const height = await ask('eth_blockNumber', left);
        const id = height.result === undefined ? undefined : await live(Math.max(100, deadline - Date.now()));
        if (id?.ok) return { ok: true, answer: id.answer };
        last = id === undefined ? `eth_blockNumber: ${height.answer}` : `eth_chainId: ${id.answer}`;
        if (Date.now() >= deadline) return { ok: false, answer: last };
        await sleep(200);
      }
    },
  };
}
