import { isIP } from 'node:net';
import { connect, type PeerCertificate, rootCertificates } from 'node:tls';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { TargetUnreachableError } from '#core/errors/TargetError.ts';

/** The certificate the server presented, as an assessor reads it. */
export interface TlsCertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly subjectAltName: string | null;
  readonly validFrom: string;
  readonly validTo: string;
  readonly serialNumber: string;
  readonly fingerprint256: string;
}

export interface TlsSession {
  /** Negotiated protocol, e.g. `TLSv1.3`. */
  readonly protocol: string | null;
  /** Negotiated cipher suite (IANA name in `standardName`). */
  readonly cipher: { readonly name: string; readonly standardName: string; readonly version: string };
  readonly certificate: TlsCertificateSummary | null;
}

/** What one handshake showed. `host`/`port` say where the probe went. */
export type TlsProbeResult = { readonly host: string; readonly port: number } & (
  | ({ readonly kind: 'verified' } & TlsSession)
  /** The handshake completed but the chain or the host name does not verify (Node/OpenSSL error code). */
  | ({ readonly kind: 'unverified'; readonly authorizationError: string } & TlsSession)
  /** TCP connected but no TLS session came up (plaintext server, protocol or cipher refused). */
  | { readonly kind: 'handshake-failed'; readonly error: { readonly code: string; readonly message: string } }
);

export interface ProbeTlsOptions {
  /** @default 10_000 */
  readonly timeoutMs?: number;
  /**
   * Name sent in SNI and checked against the certificate, for an endpoint reached by address whose
   * certificate names its host. @default - the URL's host (an IP literal is checked as an IP SAN)
   */
  readonly servername?: string;
}

const defaultPorts: Record<string, number> = { 'https:': 443, 'wss:': 443 };

/**
 * Opens one TLS connection to the host and port of `url`, completes the handshake, records what was
 * negotiated and closes without sending a byte of application data (JR/T 0184-2020 7.8 evidence).
 *
 * Trust: the system roots plus `caPem` when given (the CA the operator configured for the target),
 * with Node's default floor of TLS 1.2, so TLS 1.0/1.1-only endpoints end `handshake-failed`. The
 * host name (or IP) is checked against the certificate as an HTTPS client would (RFC 6125).
 * Verification is decided here rather than by aborting the handshake (`rejectUnauthorized: false`),
 * so an untrusted certificate is still recorded as evidence; nothing is sent over such a session.
 *
 * Throws `TargetUnreachableError` when no TCP connection can be made (nothing to judge), and
 * `ConfigError` for a URL that is not https:// or wss://.
 *
 * @example
 * const result = await probeTls('https://127.0.0.1:8443', caPem);
 * if (result.kind === 'verified') console.log(result.protocol, result.cipher.standardName);
 */
export async function probeTls(
  url: string,
  caPem?: string,
  options: ProbeTlsOptions = {},
): Promise<TlsProbeResult> {
  const parsed = new URL(url);
  const defaultPort = defaultPorts[parsed.protocol];
  if (defaultPort === undefined) {
    throw new ConfigError(
      `probeTls needs an https:// or wss:// URL, got "${parsed.protocol}//${parsed.host}"`,
    );
  }
  // URL keeps IPv6 literals in brackets; sockets want them bare.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = parsed.port === '' ? defaultPort : Number(parsed.port);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const where = { host, port };
  return new Promise<TlsProbeResult>((resolve, reject) => {
    let tcpConnected = false;
    const socket = connect({
      host,
      port,
      // SNI carries names only (RFC 6066 §3); for an IP literal the IP SAN is checked against `host`.
      ...(options.servername !== undefined
        ? { servername: options.servername }
        : isIP(host) === 0
          ? { servername: host }
          : {}),
      ...(caPem === undefined ? {} : { ca: [...rootCertificates, caPem] }),
      rejectUnauthorized: false,
    });
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(
        tcpConnected
          ? Object.assign(new Error(`no TLS handshake within ${timeoutMs} ms`), {
              code: 'ETIMEDOUT_HANDSHAKE',
            })
          : new TargetUnreachableError(
              `nothing answered at ${host}:${port} within ${timeoutMs} ms; check the URL and that the node is running`,
            ),
      ),
    );
    socket.once('connect', () => {
      tcpConnected = true;
    });
    socket.once('secureConnect', () => {
      const session: TlsSession = {
        protocol: socket.getProtocol(),
        cipher: pickCipher(socket.getCipher()),
        certificate: summarizeCertificate(socket.getPeerCertificate()),
      };
      const error = socket.authorizationError;
      socket.end();
      socket.destroy();
      resolve(
        socket.authorized
          ? { ...where, kind: 'verified', ...session }
          : { ...where, kind: 'unverified', authorizationError: String(error ?? 'unknown'), ...session },
      );
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      if (error instanceof TargetUnreachableError) return reject(error);
      if (!tcpConnected) {
        return reject(
          new TargetUnreachableError(
            `nothing answered at ${host}:${port} (${error.code ?? error.message}); check the URL and that the node is running`,
            { cause: error },
          ),
        );
      }
      resolve({
        ...where,
        kind: 'handshake-failed',
        error: { code: error.code ?? 'unknown', message: error.message },
      });
    });
  });
}

function pickCipher(cipher: { name: string; standardName: string; version: string }): TlsSession['cipher'] {
  return { name: cipher.name, standardName: cipher.standardName, version: cipher.version };
}

/** `getPeerCertificate()` answers `{}` when the server sent none. */
function summarizeCertificate(cert: PeerCertificate): TlsCertificateSummary | null {
  if (cert === null || Object.keys(cert).length === 0) return null;
  return {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    subjectAltName: cert.subjectaltname ?? null,
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    serialNumber: cert.serialNumber,
    fingerprint256: cert.fingerprint256,
  };
}

/** `{ CN: 'localhost', O: 'x' }` → `CN=localhost, O=x` (values may repeat as arrays). */
function formatName(name: Readonly<Record<string, string | string[] | undefined>> | undefined): string {
  if (name === undefined) return '';
  return Object.entries(name)
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${key}=${v ?? ''}`))
    .join(', ');
}
