import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One JSON-RPC answer object, as parsed from the upstream's body. */
export type JsonRpcAnswer = Readonly<Record<string, unknown>>;

export interface JsonRpcGatewayOptions {
  readonly upstreamUrl: string;
  /**
   * Methods the gateway answers itself with -32601 "Method not found" (JSON-RPC 2.0 §5.1), as a
   * hardened gateway hides methods it does not serve. @default - none
   */
  readonly deniedMethods?: (method: string) => boolean;
  /**
   * The error a denied method gets. Nodes say "not here" in other ways too: Hardhat -32004 "Method
   * … is not supported", ganache "The method … does not exist/is not available".
   * @default - { code: -32601, message: 'Method not found' }
   */
  readonly denial?: (method: string) => { readonly code: number; readonly message: string };
  /** Rewrites the upstream's answer to a single request. @default - unchanged */
  readonly rewriteAnswer?: (method: string, answer: JsonRpcAnswer) => JsonRpcAnswer;
}

export interface RunningJsonRpcGateway {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A minimal JSON-RPC gateway for e2e tests, in front of a chain or the fault proxy: what a deployment
 * puts between the public and its node (shared/reference/toolchain.md "A hardened gateway"). Single
 * requests are parsed, denied or forwarded and optionally rewritten; anything else (batches,
 * malformed JSON) is forwarded verbatim so the upstream's own answer shows.
 */
export async function startJsonRpcGateway(options: JsonRpcGatewayOptions): Promise<RunningJsonRpcGateway> {
  const forward = async (body: string): Promise<{ status: number; text: string }> => {
    const response = await fetch(options.upstreamUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, text: await response.text() };
  };

  const answer = async (body: string): Promise<{ status: number; text: string }> => {
    let request: unknown;
    try {
      request = JSON.parse(body);
    } catch {
      return forward(body);
    }
    if (typeof request !== 'object' || request === null || Array.isArray(request)) return forward(body);
    const { method, id } = request as { method?: unknown; id?: unknown };
    if (typeof method !== 'string') return forward(body);
    if (options.deniedMethods?.(method)) {
      const error = options.denial?.(method) ?? { code: -32601, message: 'Method not found' };
      return { status: 200, text: JSON.stringify({ jsonrpc: '2.0', id: id ?? null, error }) };
    }
    const upstream = await forward(body);
    if (options.rewriteAnswer === undefined) return upstream;
    let parsed: unknown;
    try {
      parsed = JSON.parse(upstream.text);
    } catch {
      return upstream;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return upstream;
    return {
      status: upstream.status,
      text: JSON.stringify(options.rewriteAnswer(method, parsed as JsonRpcAnswer)),
    };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      answer(Buffer.concat(chunks).toString('utf8')).then(
        ({ status, text }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(text);
        },
        (error: unknown) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`gateway could not reach ${options.upstreamUrl}: ${String(error)}`);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
