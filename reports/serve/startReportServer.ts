import { createServer } from 'node:http';
import { ConfigError } from '#core/errors/ConfigError.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';
import type { ReportLang } from '../render/ReportLangSchema.ts';
import { handleReportRequest } from './handleReportRequest.ts';

export interface ReportServerProps {
  readonly store: ResultStore;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** 0 asks the OS for a free port. */
  readonly port: number;
  /** @default 'both' */
  readonly lang?: ReportLang;
}

export interface ReportServer {
  /** Where the list is, e.g. http://127.0.0.1:8484/ */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

/** True for an address only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Listens with handleReportRequest on host:port. A port that is taken or not allowed is one line
 * naming it and what to do. On a loopback address only Host headers naming a loopback address are
 * answered (DNS rebinding: a web page cannot read the reports through a name of its own).
 */
export async function startReportServer(props: ReportServerProps): Promise<ReportServer> {
  const host = props.host ?? '127.0.0.1';
  const lang = props.lang ?? 'both';
  // Empty until the port is known: nothing is answered on a loopback bind before the check can run.
  let allowedHosts: Set<string> | undefined = isLoopbackHost(host) ? new Set() : undefined;
  const server = createServer((request, response) => {
    void handleReportRequest(request, response, { store: props.store, lang, allowedHosts });
  });
  // Idle keep-alive sockets would hold close() open; a read-only page server has no reason to wait.
  server.keepAliveTimeout = 2_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ConfigError(
          error.code === 'EADDRINUSE'
            ? `port ${props.port} on ${host} is already in use; pick another with --port <n> (or --port 0 for a free one)`
            : error.code === 'EACCES'
              ? `port ${props.port} on ${host} needs privileges; pick a port above 1023 with --port <n>`
              : `cannot listen on ${host}:${props.port} (${error.code ?? error.message}); check --host and --port`,
          { cause: error },
        ),
      ),
    );
    server.listen(props.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : props.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  if (isLoopbackHost(host)) {
    allowedHosts = new Set(
      [...loopbackHosts, host].map((h) => `${h.includes(':') ? `[${h}]` : h}:${port}`.toLowerCase()),
    );
  }
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
