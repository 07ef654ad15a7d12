import type { RpcOutcome } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { TargetError } from '#core/errors/TargetError.ts';
import { authRefusalMessage, type BurstAnswer, classifyThrottling } from './classifyThrottling.ts';
import { describeExchange, jsonOf, postRawHttp } from './postRawHttp.ts';
import {
  rateLimitBurstRequests,
  rateLimitRecoveryMs,
  requireAuth,
  requireRateLimit,
} from './rateLimitParameters.ts';

/** Requests of the burst in flight at once. */
const inFlight = 20;
const pollMs = 200;

/**
 * API-03 — JR/T 0184-2020 16.8 (API permission management against unauthorised calls) and 11.7
 * (availability: resist denial of service), "if the deployment's policy requires" (standards.md §5).
 *
 * Comparison policy: with requireAuth, one eth_chainId posted to the endpoint without the credentials
 * of the target URL (the recorded endpoint: user, password, query and key-like path segments removed)
 * must be refused (HTTP 401/403/404, or a JSON-RPC error refusing the caller); a result fails. With
 * requireRateLimit, a burst of rateLimitBurstRequests eth_chainId (20 in flight) through the
 * adapter must see at least one throttled answer (HTTP 429 or 503, JSON-RPC -32005, or an error
 * saying "rate limit"), and a normal call must be served again within rateLimitRecoveryMs. With
 * neither required, skip; a pass or skip that relied on a requirement relaxed below the profile's
 * carries a waiver.
 */
export const apiRateLimitedAuthenticated = defineCheck({
  id: 'api-rate-limited-authenticated',
  catalogueId: 'API-03',
  kind: 'conformance',
  title: { zh: '接口鉴权与限流', en: 'RPC interface authenticates callers and throttles bursts' },
  requires: ['rpc.jsonrpc'],
  parameters: [requireRateLimit, requireAuth, rateLimitBurstRequests, rateLimitRecoveryMs],
  faults: ['rate-limit-bypassed'],
  description:
    'When requireAuth: posts eth_chainId to the endpoint without the credentials of the target URL and expects a ' +
    'refusal. When requireRateLimit: sends rateLimitBurstRequests eth_chainId calls, 20 at a time, expects some to be ' +
    'throttled (HTTP 429/503 or JSON-RPC -32005), then waits for a normal call to be served again within ' +
    'rateLimitRecoveryMs. Skipped when the policy requires neither.',
  failsWhen:
    'requireAuth and the call without credentials is answered; requireRateLimit and the whole burst is served with ' +
    'no throttling (every bare dev node), or throttling does not lift within rateLimitRecoveryMs.',
  async run({ adapter, params, requirements }) {
    const relaxed = [
      ...(requirements.requireRateLimit === true && !params.requireRateLimit
        ? (['requireRateLimit'] as const)
        : []),
      ...(requirements.requireAuth === true && !params.requireAuth ? (['requireAuth'] as const) : []),
    ];
    const waiver =
      relaxed.length === 0
        ? {}
        : {
            waiver: {
              parameter: relaxed[0] as string,
              value: false,
              requirement: true,
              note: `${relaxed.join(' and ')} set to false: ${relaxed.includes('requireRateLimit') ? 'throttling' : 'authentication'} of the RPC interface was not verified`,
            },
          };
    if (!params.requireAuth && !params.requireRateLimit) {
      return {
        status: 'skip',
        skipReason: 'not-applicable',
        summary:
          'the run requires neither authentication nor rate limiting of the RPC interface (requireAuth and requireRateLimit are false)',
        evidence: { requireAuth: false, requireRateLimit: false },
        ...waiver,
      };
    }
    const problems: string[] = [];
    const evidence: Record<string, unknown> = {
      requireAuth: params.requireAuth,
      requireRateLimit: params.requireRateLimit,
    };
    if (params.requireAuth) {
      const unauthenticated = adapter.info.endpoint;
      const exchange = await postRawHttp(
        unauthenticated,
        JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
        { caCertPem: adapter.caCertPem },
      );
      const answer = jsonOf(exchange) as { result?: unknown; error?: { message?: unknown } } | undefined;
      const refused =
        exchange.kind === 'answered' &&
        ([401, 403, 404].includes(exchange.httpStatus) ||
          (typeof answer?.error?.message === 'string' && authRefusalMessage.test(answer.error.message)));
      evidence.unauthenticatedCall = {
        endpoint: unauthenticated,
        request: 'eth_chainId',
        answer: describeExchange(exchange),
        refused,
      };
      if (!refused)
        problems.push(
          answer !== undefined && 'result' in answer
            ? `${unauthenticated} answers eth_chainId (${JSON.stringify(answer.result)}) to a caller without credentials`
            : `${unauthenticated} did not refuse a caller without credentials (${JSON.stringify(describeExchange(exchange)).slice(0, 120)})`,
        );
    }
    if (params.requireRateLimit) {
      const counts: Record<BurstAnswer, number> = { served: 0, throttled: 0, other: 0 };
      const throttledHow = new Set<string>();
      const otherHow = new Set<string>();
      const started = Date.now();
      for (let sent = 0; sent < params.rateLimitBurstRequests; sent += inFlight) {
        const wave = Math.min(inFlight, params.rateLimitBurstRequests - sent);
        const outcomes = await Promise.all(
          Array.from({ length: wave }, () =>
            // Exactly one exchange each: the harness's own backoff must not hide the throttling.
            adapter.rpc.requestOnce('eth_chainId', []).catch((error: unknown) => {
              if (error instanceof TargetError) return error;
              throw error;
            }),
          ),
        );
        for (const outcome of outcomes) {
          const judged =
            outcome instanceof TargetError
              ? { kind: 'other' as const, how: outcome.shortMessage.slice(0, 80) }
              : classifyThrottling(outcome as RpcOutcome);
          counts[judged.kind]++;
          if (judged.kind === 'throttled') throttledHow.add(judged.how);
          if (judged.kind === 'other') otherHow.add(judged.how);
        }
      }
      const burstMs = Date.now() - started;
      // Throttling must lift: poll until a normal call is served, bounded by rateLimitRecoveryMs.
      const waitStarted = Date.now();
      let recoveredAfterMs: number | undefined;
      while (Date.now() - waitStarted <= params.rateLimitRecoveryMs) {
        const outcome = await adapter.rpc.request('eth_chainId', []).catch(() => undefined);
        if (outcome?.kind === 'result') {
          recoveredAfterMs = Date.now() - waitStarted;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
      evidence.burst = {
        request: 'eth_chainId',
        sent: params.rateLimitBurstRequests,
        inFlight,
        burstMs,
        ...counts,
        throttledAs: [...throttledHow],
        otherAnswers: [...otherHow],
        recoveredAfterMs: recoveredAfterMs ?? null,
      };
      if (counts.throttled === 0)
        problems.push(
          `none of ${params.rateLimitBurstRequests} eth_chainId calls sent ${inFlight} at a time (in ${burstMs} ms) was throttled: ${counts.served} served${counts.other > 0 ? `, ${counts.other} other (${[...otherHow].join(', ')})` : ''}`,
        );
      else if (recoveredAfterMs === undefined)
        problems.push(
          `throttling did not lift within ${params.rateLimitRecoveryMs} ms after the burst: legitimate callers stay locked out`,
        );
    }
    const expected = {
      ...(params.requireAuth
        ? { unauthenticated: 'refused (HTTP 401/403/404 or an authorisation error)' }
        : {}),
      ...(params.requireRateLimit
        ? {
            burst: `some of ${params.rateLimitBurstRequests} calls throttled (HTTP 429/503, -32005), served again within ${params.rateLimitRecoveryMs} ms`,
          }
        : {}),
    };
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual: problems, evidence };
    const burst = evidence.burst as
      | { throttled: number; throttledAs: string[]; recoveredAfterMs: number }
      | undefined;
    const parts = [
      ...(params.requireAuth ? ['a call without credentials is refused'] : []),
      ...(burst
        ? [
            `${burst.throttled} of ${params.rateLimitBurstRequests} burst calls throttled (${burst.throttledAs.join(', ')}), served again after ${burst.recoveredAfterMs} ms`,
          ]
        : []),
    ];
    return { status: 'pass', summary: parts.join('; '), expected, actual: parts, evidence, ...waiver };
  },
});
