import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RpcPathProxy {
  /** `http://127.0.0.1:<port>`: append any path and query (a provider's `/v3/<token>?apikey=…`). */
  readonly origin: string;
  /** The path and query of every request received: proof the harness used the URL as given. */
  readonly paths: readonly string[];
  /** The Authorization header of every request (`Basic …` when the URL carries user info), in order. */
  readonly authorizations: readonly (string | undefined)[];
  close(): Promise<void>;
}

/** Each forwarded request's deadline. */
const forwardDeadlineMs = 30_000;

/**
 * A JSON-RPC endpoint that, like a hosted node provider, takes its credential in the URL path or
 * query: it accepts a POST on any path and forwards the body to `upstream` (an anvil, which answers
 * on `/` only). Like providers that name the project key in their errors, every JSON-RPC error it
 * relays quotes the request's path and query: text the harness did not build, which carries the
 * token into check evidence and reasons unless it is scrubbed. Loopback only, one upstream, every
 * forward bounded in time.
 */
export async function startRpcPathProxy(upstream: string): Promise<RpcPathProxy> {
  const paths: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    authorizations.push(req.headers.authorization);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      fetch(upstream, {
        method: req.method ?? 'POST',
        headers: { 'content-type': String(req.headers['content-type'] ?? 'application/json') },
        ...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {}),
        signal: AbortSignal.timeout(forwardDeadlineMs),
      })
        .then(async (answer) => {
          const text = echoPathInErrors(await answer.text(), req.url ?? '');
          res.writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? 'application/json',
          });
          res.end(text);
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    paths,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The answer with ` (request <path>)` appended to every JSON-RPC error message in it. */
function echoPathInErrors(text: string, path: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  const echo = (item: unknown) => {
    const error = (item as { error?: { message?: unknown } } | null)?.error;
    if (error && typeof error.message === 'string') error.message = `${error.message} (request ${path})`;
  };
  if (Array.isArray(parsed)) parsed.forEach(echo);
  else echo(parsed);
  return JSON.stringify(parsed);
}
