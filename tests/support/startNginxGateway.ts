import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createJsonRpcTransport } from '#adapters/evm/createJsonRpcTransport.ts';
import { findFreePort } from '#cli/embedded/findFreePort.ts';
import { type RunningService, spawnService } from '#cli/embedded/spawnService.ts';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import { loadTestCertificates } from '#fault-proxy/testCertificates.ts';

const run = (command: string, args: readonly string[]) =>
  promisify(execFile)(command, args, { timeout: 10_000, encoding: 'utf8' });

/** What to do when nginx or its njs module is missing (Debian packages; .ci/run installs them). */
const installHint = 'install nginx and libnginx-mod-http-js (.ci/run does this)';

/** deploy/gateway: the template and the njs handler a vendor deploys, used here unchanged. */
const gatewayDir = fileURLToPath(new URL('../../deploy/gateway/', import.meta.url));

export interface NginxRateLimit {
  /** limit_req rate per client address. */
  readonly ratePerSecond: number;
  /** Requests that may wait above the rate; past them nginx answers 429 (-32005). */
  readonly burst: number;
}

export interface StartNginxGatewayOptions {
  /** The node behind the gateway: an http:// JSON-RPC URL on this machine. */
  readonly upstreamUrl: string;
  /**
   * Server certificate (for IP:127.0.0.1) and key, and the CA that signed it.
   * @default - tests/fixtures/tls (the test CA and its 127.0.0.1 certificate)
   */
  readonly tls?: { readonly certPem: string; readonly keyPem: string; readonly caCertPem: string };
  /** @default { ratePerSecond: 500, burst: 100 } (deploy/gateway/README.md) */
  readonly rateLimit?: NginxRateLimit;
  /** @default 100 */
  readonly maxBatch?: number;
  /** @default 10_000 */
  readonly readyTimeoutMs?: number;
}

export interface RunningNginxGateway {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** PID of the nginx master, also the id of its process group. */
  readonly pid: number;
  /** The CA a client must trust (`caCertPem` of the adapter, `--ca-file` of the CLI). */
  readonly caCertPem: string;
  /** The folder nginx runs from: rendered nginx.conf, pid, logs, temp paths. */
  readonly prefix: string;
  /** nginx's access log so far (one line per request, with the JSON-RPC methods called). */
  accessLog(): Promise<string>;
  /** SIGTERM to nginx's group (SIGKILL after 3 s), then removes the prefix folder. */
  stop(): Promise<void>;
}

/**
 * Starts the hardened gateway of deploy/gateway (nginx + njs allow-list, TLS, rate limit) in front
 * of `upstreamUrl`: the template rendered into a fresh temp prefix, `nginx -p <prefix> -c
 * <prefix>/nginx.conf -g 'daemon off;'` as a child in its own process group on a free port, and
 * resolves once an eth_chainId through it (over verified TLS) answers.
 */
export async function startNginxGateway(options: StartNginxGatewayOptions): Promise<RunningNginxGateway> {
  const nginx = findNginx();
  const jsModule = await findJsModule(nginx);
  const upstream = new URL(options.upstreamUrl);
  if (upstream.protocol !== 'http:') {
    throw new EnvironmentError(
      `the gateway's upstream must be an http:// URL on this machine, got ${upstream.protocol}//${upstream.host}`,
    );
  }
  const tls = options.tls ?? defaultTls();
  const rateLimit = options.rateLimit ?? { ratePerSecond: 500, burst: 100 };
  const port = await findFreePort();

  const prefix = await mkdtemp(join(tmpdir(), 'chaineval-nginx-'));
  // Traversable (not listable) by the workers, which drop to an unprivileged user when the master
  // runs as root and write their temp files below.
  await chmod(prefix, 0o711);
  const certPath = join(prefix, 'server.cert.pem');
  const keyPath = join(prefix, 'server.key.pem');
  const confPath = join(prefix, 'nginx.conf');
  const errorLogPath = join(prefix, 'error.log');
  const errorLog = () => (existsSync(errorLogPath) ? readFileSync(errorLogPath, 'utf8').trim() : '');
  let service: RunningService;
  try {
    await writeFile(certPath, tls.certPem, { mode: 0o600 });
    await writeFile(keyPath, tls.keyPem, { mode: 0o600 });
    // The same render.sh an operator runs (deploy/gateway/README.md), so the tests exercise it too.
    const { stdout: conf } = await run('sh', [
      join(gatewayDir, 'render.sh'),
      ...['--prefix', prefix, '--listen', `127.0.0.1:${port}`, '--js-module', jsModule],
      ...['--upstream', upstream.host, '--upstream-uri', `${upstream.pathname}${upstream.search}`],
      ...['--cert', certPath, '--key', keyPath],
      ...['--rate', `${rateLimit.ratePerSecond}r/s`, '--burst', String(rateLimit.burst)],
      ...['--max-batch', String(options.maxBatch ?? 100)],
    ]);
    await writeFile(confPath, conf);
    service = await spawnService({
      name: 'nginx',
      command: nginx,
      args: ['-p', `${prefix}/`, '-c', confPath, '-g', 'daemon off;'],
      missingMessage: `nginx could not be started (${nginx} not found); ${installHint}`,
    });
  } catch (error) {
    await rm(prefix, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    await service.stop();
    await rm(prefix, { recursive: true, force: true });
  };
  const url = `https://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, tls.caCertPem, service, errorLog, options.readyTimeoutMs ?? 10_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    port,
    pid: service.pid,
    caCertPem: tls.caCertPem,
    prefix,
    accessLog: () => readFile(join(prefix, 'access.log'), 'utf8').catch(() => ''),
    stop,
  };
}

function defaultTls(): { certPem: string; keyPem: string; caCertPem: string } {
  const certificates = loadTestCertificates();
  return {
    certPem: certificates.serverCertPem,
    keyPem: certificates.serverKeyPem,
    caCertPem: certificates.caCertPem,
  };
}

/** nginx on PATH, or in the sbin folders a non-root PATH often lacks (Debian installs /usr/sbin/nginx). */
function findNginx(): string {
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const folder of folders) {
    if (folder === '') continue;
    const candidate = join(folder, 'nginx');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here: try the next folder
    }
  }
  throw new EnvironmentError(`nginx is not installed (not on PATH nor in /usr/sbin); ${installHint}`);
}

/** ngx_http_js_module.so in the modules path nginx was built with (`nginx -V`). */
async function findJsModule(nginx: string): Promise<string> {
  const { stderr } = await run(nginx, ['-V']);
  const built = /--modules-path=(\S+)/.exec(stderr)?.[1];
  const folders = [
    ...new Set([...(built ? [built] : []), '/usr/lib/nginx/modules', '/usr/lib64/nginx/modules']),
  ];
  for (const folder of folders) {
    const candidate = join(folder, 'ngx_http_js_module.so');
    if (existsSync(candidate)) return candidate;
  }
  throw new EnvironmentError(
    `nginx's njs module (ngx_http_js_module.so) is not installed in ${folders.join(' or ')}; ${installHint}`,
  );
}

async function waitUntilReady(
  url: string,
  caCertPem: string,
  service: RunningService,
  errorLog: () => string,
  timeoutMs: number,
): Promise<void> {
  const transport = createJsonRpcTransport({ url, timeoutMs: 1_000, maxResponseBytes: 65_536, caCertPem });
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (service.hasExited) {
      const output = [service.output().trim(), errorLog()].filter((s) => s !== '').join('\n');
      throw new EnvironmentError(
        `nginx exited before it was ready: ${output.split('\n').at(-1)?.trim() || 'no output'}`,
        { details: output },
      );
    }
    try {
      const { status, body } = await transport.post(
        '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}',
      );
      if (status === 200 && body.includes('"result"')) return;
      lastProblem = `HTTP ${status}: ${body.slice(0, 200)}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new EnvironmentError(
    `nginx did not forward eth_chainId on ${url} within ${timeoutMs} ms: ${lastProblem}`,
    {
      details: errorLog(),
    },
  );
}
