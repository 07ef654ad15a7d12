import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';

/** What one raw HTTP POST got back: an answer (any status, any body), or no answer at all. */
export type RawHttpExchange =
  | {
      readonly kind: 'answered';
      readonly httpStatus: number;
      readonly contentType: string | null;
      /** The body as text, cut at `maxBodyBytes` (`truncated` says so). */
      readonly body: string;
      readonly truncated: boolean;
      readonly elapsedMs: number;
    }
  /** The connection ended without a status line: refused, reset or timed out (Node's error code). */
  | { readonly kind: 'no-answer'; readonly code: string; readonly elapsedMs: number };

export interface PostRawHttpOptions {
  /** Sent as `content-type`. @default 'application/json' */
  readonly contentType?: string;
  /** Extra CA trusted for https, on top of the system roots (the adapter's `caCertPem`). */
  readonly caCertPem?: string | undefined;
  /** Deadline of the whole exchange. @default 10_000 */
  readonly timeoutMs?: number;
  /** Bytes of the answer kept. @default 65_536 */
  readonly maxBodyBytes?: number;
}

/**
 * POSTs `body` verbatim to `url` with a chosen content type and reports what came back, whatever it
 * is: the interface probes (API-04/05, API-03's unauthenticated call) judge HTTP statuses, empty
 * bodies, HTML error pages and dropped connections, which a JSON-RPC client would turn into
 * exceptions. Never throws for the endpoint's behaviour; only a bad URL throws.
 */
export function postRawHttp(
  url: string,
  body: string,
  options: PostRawHttpOptions = {},
): Promise<RawHttpExchange> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const maxBodyBytes = options.maxBodyBytes ?? 65_536;
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (exchange: RawHttpExchange) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(exchange);
    };
    const req = send(
      target,
      {
        method: 'POST',
        // A connection of its own, closed after: a server that drops a connection after refusing a
        // probe must not leave a dead socket in the pool the adapter's own requests reuse.
        agent: false,
        headers: {
          'content-type': options.contentType ?? 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        ...(options.caCertPem === undefined ? {} : { ca: [...rootCertificates, options.caCertPem] }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const finish = () =>
          settle({
            kind: 'answered',
            httpStatus: res.statusCode ?? 0,
            contentType: res.headers['content-type'] ?? null,
            body: Buffer.concat(chunks).toString('utf8'),
            truncated,
            elapsedMs: Date.now() - started,
          });
        res.on('data', (chunk: Buffer) => {
          if (size + chunk.length > maxBodyBytes) {
            chunks.push(chunk.subarray(0, Math.max(0, maxBodyBytes - size)));
            size = maxBodyBytes;
            truncated = true;
            finish();
            req.destroy();
            return;
          }
          size += chunk.length;
          chunks.push(chunk);
        });
        res.on('end', finish);
        res.on('error', finish);
      },
    );
    const deadline = setTimeout(() => {
      settle({ kind: 'no-answer', code: 'TIMEOUT', elapsedMs: Date.now() - started });
      req.destroy();
    }, options.timeoutMs ?? 10_000);
    // A server that answers before reading the whole body (a size limit) and closes the connection
    // makes the write fail with EPIPE/ECONNRESET; the answer, when it came first, still wins.
    req.on('error', (error: NodeJS.ErrnoException) =>
      setTimeout(
        () =>
          settle({ kind: 'no-answer', code: error.code ?? error.message, elapsedMs: Date.now() - started }),
        50,
      ),
    );
    req.end(body);
  });
}

/** The JSON value of an answered exchange's body, or undefined when it is not JSON (or empty). */
export function jsonOf(exchange: RawHttpExchange): unknown {
  if (exchange.kind !== 'answered' || exchange.body.trim() === '') return undefined;
  try {
    return JSON.parse(exchange.body) as unknown;
  } catch {
    return undefined;
  }
}

/** The exchange as evidence: status, content type and the first `maxChars` of the body. */
export function describeExchange(exchange: RawHttpExchange, maxChars = 300): Record<string, unknown> {
  return exchange.kind === 'answered'
    ? {
        httpStatus: exchange.httpStatus,
        contentType: exchange.contentType,
        body: exchange.body.slice(0, maxChars),
        elapsedMs: exchange.elapsedMs,
      }
    : { noAnswer: exchange.code, elapsedMs: exchange.elapsedMs };
}
