import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import { TargetError, TargetUnreachableError } from '#core/errors/TargetError.ts';

export interface JsonRpcTransportOptions {
  readonly url: string;
  /** Whole exchange, connect to last byte. */
  readonly timeoutMs: number;
  /** The endpoint under test is untrusted: larger answers are cut off (DESIGN.md "Security posture"). */
  readonly maxResponseBytes: number;
  /** Extra CA to trust for https endpoints (PEM); TLS is always verified. */
  readonly caCertPem?: string | undefined;
}

export interface HttpExchange {
  readonly status: number;
  readonly body: string;
}

export interface JsonRpcTransport {
  post(body: string): Promise<HttpExchange>;
}

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNRESET',
]);
const tlsCodes = /CERT|SELF_SIGNED|TLS|SSL|ERR_SSL|UNABLE_TO_VERIFY|HOSTNAME/;

/**
 * POSTs JSON-RPC bodies over node:http(s) with a deadline and a response-size bound. Written on the
 * node modules rather than fetch so a custom CA can be trusted per target without process-wide flags.
 */
export function createJsonRpcTransport(options: JsonRpcTransportOptions): JsonRpcTransport {
  const url = new URL(options.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TargetError(
      `target "${options.url}" must be an http:// or https:// URL (got "${url.protocol}")`,
    );
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return {
    post(body: string) {
      return new Promise<HttpExchange>((resolve, reject) => {
        let answered = false;
        const req = send(
          url,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
            // `ca` replaces Node's roots, so add the operator's CA to them rather than trust it alone.
            ...(options.caCertPem === undefined ? {} : { ca: [...rootCertificates, options.caCertPem] }),
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
                    `response from ${options.url} exceeded ${options.maxResponseBytes} bytes; the endpoint is not answering like a JSON-RPC node (raise --max-response-bytes only if this is expected)`,
                  ),
                );
                return;
              }
              chunks.push(chunk);
            });
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
            );
            res.on('error', (error) => reject(toTargetError(error, options, answered)));
          },
        );
        req.setTimeout(options.timeoutMs, () =>
          req.destroy(
            answered
              ? new TargetError(`no complete response from ${options.url} within ${options.timeoutMs} ms`)
              : new TargetUnreachableError(
                  `nothing answered at ${options.url} within ${options.timeoutMs} ms; check the URL and that the node is running`,
                ),
          ),
        );
        req.on('error', (error) => reject(toTargetError(error, options, answered)));
        req.end(body);
      });
    },
  };
}

function toTargetError(error: Error, options: JsonRpcTransportOptions, answered: boolean): TargetError {
  if (error instanceof TargetError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (!answered && unreachableCodes.has(code)) {
    return new TargetUnreachableError(
      `nothing answered at ${options.url} (${code}); check the URL and that the node is running`,
      { cause: error },
    );
  }
  if (tlsCodes.test(code)) {
    return new TargetError(
      `TLS handshake with ${options.url} failed (${code}: ${error.message}); if the node uses a private CA, pass it with --ca-file`,
      { cause: error },
    );
  }
  return new TargetError(`exchange with ${options.url} failed: ${code || error.message}`, { cause: error });
}
