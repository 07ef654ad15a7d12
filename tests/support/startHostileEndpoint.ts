import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/** How the endpoint misbehaves; each is something a vendor's endpoint (or what sits in front of it) does. */
export type HostileMode =
  | 'http-500'
  | 'html-page'
  | 'not-json'
  | 'json-not-rpc'
  | 'wrong-types'
  | 'endless-body'
  | 'slow-loris'
  | 'hang'
  | 'reset'
  | 'redirect'
  | 'gzip-bomb'
  | 'chain-id-changes'
  | 'dies-halfway';

export interface HostileEndpointOptions {
  readonly mode: HostileMode;
  /** A real chain for the modes that behave well at first (chain-id-changes, dies-halfway). */
  readonly upstreamUrl?: string;
  /** Requests answered honestly before the misbehaviour starts. @default 40 */
  readonly honestRequests?: number;
}

export interface RunningHostileEndpoint {
  readonly url: string;
  /** Requests received so far. */
  readonly requests: () => number;
  close(): Promise<void>;
}

const endlessLimitBytes = 64 * 1024 * 1024;
const slowLorisBytes = 60;

/**
 * A small HTTP server on 127.0.0.1 that answers JSON-RPC the way a broken or hostile endpoint would,
 * for the bad-input corpus. Every loop is bounded in bytes and time; close() cuts every connection.
 */
export async function startHostileEndpoint(options: HostileEndpointOptions): Promise<RunningHostileEndpoint> {
  let count = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const honest = options.honestRequests ?? 40;

  const forward = async (body: string): Promise<{ status: number; text: string }> => {
    if (!options.upstreamUrl) throw new Error(`mode ${options.mode} needs upstreamUrl`);
    const response = await fetch(options.upstreamUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, text: await response.text() };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: string): Promise<void> => {
    count += 1;
    switch (options.mode) {
      case 'http-500':
        res.writeHead(500, { 'content-type': 'text/plain' }).end('internal server error');
        return;
      case 'html-page':
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><title>Welcome to nginx!</title>');
        return;
      case 'not-json':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
        return;
      case 'json-not-rpc':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","height":12}');
        return;
      case 'wrong-types': {
        const id = (JSON.parse(body || '{}') as { id?: unknown }).id ?? null;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ jsonrpc: '2.0', id, result: 42 }));
        return;
      }
      case 'endless-body': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < endlessLimitBytes && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
        return;
      }
      case 'slow-loris': {
        res.writeHead(200, { 'content-type': 'application/json' });
        let sent = 0;
        const timer = setInterval(() => {
          if (res.destroyed || sent >= slowLorisBytes) {
            clearInterval(timer);
            timers.delete(timer);
            if (!res.destroyed) res.end();
            return;
          }
          sent += 1;
          res.write(' ');
        }, 2_000);
        timers.add(timer);
        return;
      }
      case 'hang':
        return; // accepted, never answered; close() cuts it
      case 'reset':
        req.socket.destroy();
        return;
      case 'redirect':
        res.writeHead(302, { location: 'http://127.0.0.1:1/' }).end();
        return;
      case 'gzip-bomb':
        res
          .writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
          .end(gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20)));
        return;
      case 'chain-id-changes': {
        if (count > honest && /"eth_chainId"/.test(body)) {
          const id = (JSON.parse(body) as { id?: unknown }).id ?? null;
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ jsonrpc: '2.0', id, result: '0x539' }));
          return;
        }
        const answer = await forward(body);
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.text);
        return;
      }
      case 'dies-halfway': {
        if (count > honest) {
          req.socket.destroy();
          server.close();
          for (const s of sockets) s.destroy();
          return;
        }
        const answer = await forward(body);
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.text);
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 1024 * 1024) chunks.push(c);
    });
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch(() => {
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    async close() {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
