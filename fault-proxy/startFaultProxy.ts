import { setMaxListeners } from 'node:events';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { createFaultContexts } from './createFaultContexts.ts';
import type { JsonRpcReply } from './defineFault.ts';
import { type FaultName, FaultNameSchema, faultDefinitions } from './faultCatalogue.ts';
import { garbageResponse } from './faults/garbageResponse.ts';
import { hugeResponse } from './faults/hugeResponse.ts';
import { createTokenBucket, throttledReply } from './faults/rateLimitBypassed.ts';
import { wrongErrorCodes } from './faults/wrongErrorCodes.ts';
import { handleJsonRpcBody } from './handleJsonRpcBody.ts';
import type { FaultContextOf } from './interceptRequest.ts';
import { type JsonRpcId, JsonRpcIdSchema, jsonRpcError } from './JsonRpcMessage.ts';
import { createProxyState } from './ProxyState.ts';
import { loadTestCertificates } from './testCertificates.ts';
import { createUpstreamClient } from './UpstreamClient.ts';

export interface TlsKeyPair {
  readonly keyPem: string;
  readonly certPem: string;
}

export interface FaultProxyTls extends TlsKeyPair {
  /** Served instead under `untrusted-certificate`. @default - tests/fixtures/tls/untrusted.*.pem */
  readonly untrusted?: TlsKeyPair;
}

export interface StartFaultProxyOptions {
  /** The real chain's JSON-RPC URL. */
  readonly upstreamUrl: string;
  /** @default [] — a transparent proxy */
  readonly faults?: readonly FaultName[];
  /** @default - a free port chosen by the OS */
  readonly port?: number;
  /** Serve HTTPS with this key pair. @default - plain HTTP */
  readonly tls?: FaultProxyTls;
  /** Namespaces (`eth`, `net`, ...) passed to the chain; others get -32601. @default - all */
  readonly allowedNamespaces?: readonly string[];
  /** Methods answered -32601 whatever their namespace (eth_sign, eth_sendTransaction, ...). @default [] */
  readonly deniedMethods?: readonly string[];
  /** Delay of every response under `slow-responses`. @default 1500 */
  readonly delayMs?: number;
  /**
   * A gateway's rate limiter: a token bucket of `burst` requests refilled at `ratePerS`; a request
   * beyond it is answered HTTP 429 with JSON-RPC -32005 (EIP-1474). @default - no limit
   */
  readonly rateLimit?: { readonly ratePerS: number; readonly burst: number };
  /**
   * Refuse a body not declared as JSON with HTTP 415, as hardened gateways do (a `text/plain` POST
   * is how a web page reaches a node without a CORS preflight). @default false
   */
  readonly requireJsonContentType?: boolean;
}

export interface RunningFaultProxy {
  /** `http(s)://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Replaces the active faults; takes effect for the next request (and the next TLS handshake). */
  setFaults(faults: readonly FaultName[]): void;
  /**
   * The endpoint goes down as a stopped node does: open connections are cut and new ones are reset
   * until `resume`. What a node-control hook of the selftest does.
   */
  suspend(): void;
  resume(): void;
  /** Stops listening and cuts open connections (in-flight answers are dropped). */
  close(): Promise<void>;
}

/** Largest request body accepted; JSON-RPC batches of signed transactions stay far below it. */
export const maxRequestBytes = 8 * 1024 * 1024;

const OptionsSchema = z.object({
  upstreamUrl: z.url({ protocol: /^https?$/ }),
  faults: z.array(FaultNameSchema).default([]),
  port: z.number().int().min(0).max(65_535).optional(),
  allowedNamespaces: z.array(z.string().min(1)).optional(),
  deniedMethods: z.array(z.string().min(1)).default([]),
  delayMs: z.number().int().nonnegative().default(1_500),
  rateLimit: z.object({ ratePerS: z.number().positive(), burst: z.number().int().positive() }).optional(),
  requireJsonContentType: z.boolean().default(false),
});

/**
 * Starts a JSON-RPC proxy on 127.0.0.1 in front of a real chain that injects the named faults
 * (faultCatalogue.ts). Request- and message-level faults are pure functions in faults/; this file
 * owns only the transport: HTTP(S), body bounds, and the transport faults (TLS, slow, garbage, huge).
 */
export async function startFaultProxy(options: StartFaultProxyOptions): Promise<RunningFaultProxy> {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ConfigError(`invalid fault proxy options: ${z.prettifyError(parsed.error)}`, {
      details: `fault names allowed: ${FaultNameSchema.options.join(', ')}`,
    });
  }
  const { upstreamUrl, delayMs, allowedNamespaces, deniedMethods } = parsed.data;
  const tls = options.tls;
  let faults = checkedFaults(parsed.data.faults, tls);
  const closing = new AbortController();
  // Every delayed answer (slow-responses) listens on this one signal; hundreds may be in flight.
  setMaxListeners(10_000, closing.signal);
  const upstream = createUpstreamClient(upstreamUrl);
  const state = createProxyState();
  const contextOf = createFaultContexts(state, upstream);
  const { rateLimit, requireJsonContentType } = parsed.data;
  const bucket = rateLimit ? createTokenBucket(rateLimit.ratePerS, rateLimit.burst) : undefined;
  let suspended = false;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const active = faults;
    const body = req.method === 'POST' ? await readBoundedBody(req) : undefined;
    // The proxy's own errors are JSON-RPC errors too, so wrong-error-codes rewrites them like the chain's.
    const ownError = (status: number, message: string): JsonRpcReply => {
      const error = jsonRpcError(null, -32600, message);
      return {
        status,
        body: JSON.stringify(active.has('wrong-error-codes') ? wrongErrorCodes(error) : error),
      };
    };
    let reply: JsonRpcReply | 'garbage' | 'huge';
    const declared = String(req.headers['content-type'] ?? '').toLowerCase();
    if (bucket && !bucket.take()) {
      reply = throttledReply(requestId(body));
    } else if (req.method !== 'POST') {
      reply = ownError(405, 'the fault proxy accepts JSON-RPC over HTTP POST only');
    } else if (body === undefined) {
      reply =
        (await answerBody(undefined, active, contextOf)) ??
        ownError(413, `request body exceeds ${maxRequestBytes} bytes`);
    } else if (active.has('garbage-responses')) {
      reply = 'garbage';
    } else if (active.has('huge-responses')) {
      reply = 'huge';
    } else {
      const bodyAnswer = await answerBody(body, active, contextOf);
      reply =
        bodyAnswer ??
        (requireJsonContentType && !declared.startsWith('application/json')
          ? ownError(
              415,
              `the gateway accepts JSON-RPC as application/json only (got "${declared.slice(0, 60)}")`,
            )
          : undefined) ??
        (await handleJsonRpcBody(body, {
          upstream,
          state,
          faults: active,
          allowedNamespaces,
          deniedMethods,
          contextOf,
        }));
    }
    if (active.has('slow-responses')) await sleep(delayMs, undefined, { signal: closing.signal });
    if (reply === 'garbage') {
      res.writeHead(garbageResponse.status, { 'content-type': garbageResponse.contentType });
      res.end(garbageResponse.body);
    } else if (reply === 'huge') {
      res.writeHead(200, { 'content-type': 'application/json' });
      await pipeline(Readable.from(hugeResponse(requestId(body))), res);
    } else {
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body);
    }
  };

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (closing.signal.aborted || res.writableEnded || res.destroyed) return; // closing, or the client left
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // Almost always the chain could not be reached: answer as a gateway would (HTTP 502), with a JSON-RPC error.
      const message = `fault proxy failed forwarding to ${upstreamUrl}: ${error instanceof Error ? error.message : String(error)}`;
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify(jsonRpcError(null, -32603, message)));
    });
  };

  const httpsServer = tls
    ? createHttpsServer(keyPairOptions(servedKeyPair(tls, faults)), listener)
    : undefined;
  const server: Server = httpsServer ?? createHttpServer(listener);
  // A suspended endpoint resets every connection, as a stopped node's port would refuse it.
  server.on('connection', (socket) => {
    if (suspended) socket.destroy();
  });
  const port = await listen(server, parsed.data.port ?? 0);

  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    setFaults(next) {
      const previous = faults;
      const names = z.array(FaultNameSchema).safeParse(next);
      if (!names.success) {
        throw new ConfigError(`unknown fault name in ${JSON.stringify(next)}`, {
          details: `fault names allowed: ${FaultNameSchema.options.join(', ')}`,
        });
      }
      faults = checkedFaults(names.data, tls);
      if (
        tls &&
        httpsServer &&
        previous.has('untrusted-certificate') !== faults.has('untrusted-certificate')
      ) {
        // New certificate for new handshakes; kept-alive connections would otherwise keep the old one.
        httpsServer.setSecureContext(keyPairOptions(servedKeyPair(tls, faults)));
        server.closeAllConnections();
      }
    },
    suspend() {
      suspended = true;
      server.closeAllConnections();
    },
    resume() {
      suspended = false;
    },
    async close() {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The first answer a body-level fault gives to the raw request body (malformed or oversized requests). */
async function answerBody(
  body: Buffer | undefined,
  active: ReadonlySet<FaultName>,
  contextOf: FaultContextOf,
): Promise<JsonRpcReply | undefined> {
  for (const fault of faultDefinitions) {
    if (!active.has(fault.name) || !fault.answerBody) continue;
    const reply = await fault.answerBody(body, contextOf(fault.name));
    if (reply) return reply;
  }
  return undefined;
}

function checkedFaults(names: readonly FaultName[], tls: FaultProxyTls | undefined): ReadonlySet<FaultName> {
  if (names.includes('untrusted-certificate') && tls === undefined) {
    throw new ConfigError(
      'the fault untrusted-certificate needs a TLS proxy; pass tls: { keyPem, certPem } to startFaultProxy',
    );
  }
  return new Set(names);
}

function servedKeyPair(tls: FaultProxyTls, faults: ReadonlySet<FaultName>): TlsKeyPair {
  if (!faults.has('untrusted-certificate')) return tls;
  if (tls.untrusted) return tls.untrusted;
  const fixtures = loadTestCertificates();
  return { keyPem: fixtures.untrustedKeyPem, certPem: fixtures.untrustedCertPem };
}

function keyPairOptions(pair: TlsKeyPair): { key: string; cert: string } {
  return { key: pair.keyPem, cert: pair.certPem };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ConfigError(
          `the fault proxy cannot listen on 127.0.0.1:${port} (${error.code ?? error.message}); pick another port or omit it to use a free one`,
          { cause: error },
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/**
 * Reads the body up to maxRequestBytes; beyond that, drains the rest without keeping it (so the client
 * still gets an answer instead of a reset) and resolves undefined.
 */
function readBoundedBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxRequestBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.once('end', () => resolve(size <= maxRequestBytes ? Buffer.concat(chunks) : undefined));
    req.once('error', reject);
  });
}

/** The id to echo in a synthetic answer: the request's, when the body is a single request. */
function requestId(body: Buffer | undefined): JsonRpcId {
  try {
    const parsed = z.object({ id: JsonRpcIdSchema }).safeParse(JSON.parse(body?.toString('utf8') ?? ''));
    return parsed.success ? parsed.data.id : null;
  } catch {
    return null;
  }
}
