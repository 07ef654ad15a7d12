import http, { Agent as HttpAgent, request as httpRequest } from 'node:http';
import https, { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSecureContext, rootCertificates } from 'node:tls';
import { urlToHttpOptions } from 'node:url';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { TargetError, TargetTimeoutError, TargetUnreachableError } from '#core/errors/TargetError.ts';
import { noteRpcExchange } from '#core/run/rpcTranscript.ts';
import { redactUrl } from '#core/security/redactUrl.ts';

export interface JsonRpcTransportOptions {
  readonly url: string;
  /** Deadline of the whole exchange, connect to last byte (not an idle timeout). */
  readonly timeoutMs: number;
  /** The endpoint under test is untrusted: larger answers are cut off (DESIGN.md "Security posture"). */
  readonly maxResponseBytes: number;
  /** Extra CA to trust for https endpoints (PEM); TLS is always verified. */
  readonly caCertPem?: string | undefined;
  /** Connections open to the endpoint at once; further requests wait for one (kept alive). @default 512 */
  readonly maxSockets?: number;
}

export interface HttpExchange {
  readonly status: number;
  readonly body: string;
}

export interface JsonRpcTransport {
  /** The URL as it may be shown (credentials removed). */
  readonly endpoint: string;
  /**
   * POSTs `body`; a throttling answer (HTTP 429/503, JSON-RPC -32005) is retried with backoff for a
   * bounded time, as a well-behaved client of a rate-limited gateway does, so throttling never
   * changes another check's verdict. Every attempt is in the transcript.
   */
  post(body: string): Promise<HttpExchange>;
  /** POSTs `body` exactly once: what rate-limit probes (API-03) need to see throttling. */
  postOnce(body: string): Promise<HttpExchange>;
  /** Closes the kept-alive connections (a warm Lambda keeps none to an earlier target). */
  close(): void;
}

/** Backoff between attempts at a throttled request, and how many attempts at most. */
export const throttleBackoffMs = [50, 100, 200, 400, 800, 1_000, 1_000, 1_000] as const;

/** A rate limiter's answer: HTTP 429 or 503, or the EIP-1474 "limit exceeded" error -32005. */
export function isThrottledAnswer(answer: HttpExchange): boolean {
  if (answer.status === 429 || answer.status === 503) return true;
  return answer.body.length < 2_048 && /"code"\s*:\s*-32005\b/.test(answer.body);
}

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNRESET',
]);
const tlsCodes = /CERT|SELF_SIGNED|TLS|SSL|ERR_SSL|UNABLE_TO_VERIFY|HOSTNAME|EPROTO/;
/** Node's codes for a certificate chain it could not verify (as opposed to a failed handshake). */
const untrustedCodes =
  /SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|CERT_UNTRUSTED|CERT_SIGNATURE_FAILURE/;
/** Said when the endpoint is not a JSON-RPC node: the fix is in the URL. */
const urlFix = "check that the URL is the node's JSON-RPC endpoint";

/**
 * POSTs JSON-RPC bodies over node:http(s) with a total deadline and a response-size bound. Written
 * on the node modules rather than fetch so a custom CA can be trusted per target without
 * process-wide flags. Every message names the endpoint without its credentials.
 */
export function createJsonRpcTransport(options: JsonRpcTransportOptions): JsonRpcTransport {
  const endpoint = redactUrl(options.url);
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new ConfigError(`target ${endpoint} is not a URL; pass e.g. --target http://127.0.0.1:8545`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`target ${endpoint} must be an http:// or https:// URL (got "${url.protocol}")`);
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const hasCa = options.caCertPem !== undefined;
  // `ca` replaces Node's roots, so the operator's CA is added to them. Built once per transport: a
  // context parses ~145 root certificates (18 ms, far more on a loaded machine, blocking the event
  // loop), and building one per connection made load runs over TLS report the harness as bottleneck.
  const secureContext =
    options.caCertPem === undefined
      ? undefined
      : createSecureContext({ ca: [...rootCertificates, options.caCertPem] });
  // One kept-alive pool per transport, bounded: a load run with thousands of submissions in flight
  // queues them here (the wait counts in their latency, which runs from the intended send time)
  // rather than opening a socket for each. Idle sockets do not keep the process alive.
  // It resolves names as Node's default agent does: in the cloud the target guard pins that agent's
  // lookup to the addresses it checked (lambdas/shared/pinTargetConnections.ts), and a pool of its
  // own must not resolve the name a second time (a rebinding answer would reach 127.0.0.1).
  const defaultAgent = url.protocol === 'https:' ? https.globalAgent : http.globalAgent;
  const lookup = (defaultAgent as { options?: { lookup?: LookupFunction } }).options?.lookup;
  // As Node's default agent: idle sockets close after 5 s and the freshest is reused first, so a
  // socket the node has already closed while idle is not picked up (a "socket hang up" otherwise).
  const agentOptions = {
    keepAlive: true,
    timeout: 5_000,
    scheduling: 'lifo' as const,
    maxSockets: options.maxSockets ?? 512,
    ...(lookup === undefined ? {} : { lookup }),
  };
  const agent = url.protocol === 'https:' ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  // The URL's request options (host, port, path, credentials) worked out once, as node:http does
  // for request(url, options) on every call: at 10k submissions a second that was measurable.
  const target = {
    ...urlToHttpOptions(url),
    method: 'POST',
    agent,
    ...(secureContext === undefined ? {} : { secureContext }),
  };
  const exchange = (body: string): Promise<HttpExchange> =>
    new Promise<HttpExchange>((resolve, reject) => {
      let answered = false;
      const req = send(
        {
          ...target,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > options.maxResponseBytes) {
              req.destroy(
                new TargetError(
                  `response from ${endpoint} exceeded ${options.maxResponseBytes} bytes; the endpoint is not answering like a JSON-RPC node; ${urlFix}`,
                  { endpoint },
                ),
              );
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => {
            clearTimeout(deadline);
            const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
            resolve({ status: res.statusCode ?? 0, body: bytes.toString('utf8') });
          });
          res.on('error', (error) => reject(toTargetError(error, endpoint, answered, hasCa)));
        },
      );
      const deadline = setTimeout(
        () =>
          req.destroy(
            answered
              ? // A fix named here too (bad-input corpus, "slow-loris"): the deadline is per request.
                new TargetTimeoutError(
                  `no complete response from ${endpoint} within ${options.timeoutMs} ms (the deadline of each request); check that the node is not overloaded and nothing between it and chaineval stalls`,
                  { endpoint },
                )
              : new TargetUnreachableError(
                  `nothing answered at ${endpoint} within ${options.timeoutMs} ms; check the URL and that the node is running`,
                  { endpoint },
                ),
          ),
        options.timeoutMs,
      );
      req.on('error', (error) => {
        clearTimeout(deadline);
        reject(toTargetError(error, endpoint, answered, hasCa));
      });
      req.end(body);
    });
  const once = async (body: string): Promise<HttpExchange> => {
    try {
      const answer = await exchange(body);
      noteRpcExchange(endpoint, body, answer.status, answer.body);
      return answer;
    } catch (error) {
      noteRpcExchange(endpoint, body, 0, error instanceof Error ? error.message : String(error));
      throw error;
    }
  };
  return {
    endpoint,
    close: () => agent.destroy(),
    async post(body: string) {
      let answer = await once(body);
      for (const waitMs of throttleBackoffMs) {
        if (!isThrottledAnswer(answer)) break;
        await sleep(waitMs);
        answer = await once(body);
      }
      return answer;
    },
    postOnce: (body: string) => once(body),
  };
}

function toTargetError(error: Error, endpoint: string, answered: boolean, hasCa: boolean): TargetError {
  if (error instanceof TargetError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (!answered && unreachableCodes.has(code)) {
    return new TargetUnreachableError(
      `nothing answered at ${endpoint} (${code}); check the URL and that the node is running`,
      { cause: error, endpoint },
    );
  }
  // Told apart by code, so the advice fits (bad-input corpus, "https to a plain http server" and
  // "untrusted certificate"): "pass --ca-file" only when none was passed.
  if (code === 'EPROTO') {
    return new TargetError(
      `TLS with ${endpoint} failed (EPROTO: the endpoint does not speak TLS); if it serves plain HTTP, use an http:// URL`,
      { cause: error, endpoint },
    );
  }
  if (untrustedCodes.test(code)) {
    return new TargetError(
      hasCa
        ? `the TLS certificate of ${endpoint} is not signed by the CA in --ca-file nor by a public CA (${code}); check that --ca-file holds the CA that signed the endpoint's certificate`
        : `the TLS certificate of ${endpoint} is not signed by a public CA (${code}); pass --ca-file <pem> with the CA that signed it`,
      { cause: error, endpoint },
    );
  }
  if (tlsCodes.test(code)) {
    return new TargetError(
      `TLS with ${endpoint} failed (${code}); check that the endpoint speaks https and that its certificate is valid for its host name`,
      { cause: error, endpoint },
    );
  }
  return new TargetError(`exchange with ${endpoint} failed (${code || 'connection closed'})`, {
    cause: error,
    endpoint,
  });
}
