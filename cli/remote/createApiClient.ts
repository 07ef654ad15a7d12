import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { ConfigError } from '#core/errors/ConfigError.ts';
import type { ApiLocation } from './parseApiUrl.ts';
import { RemoteApiUnavailableError } from './RemoteApiUnavailableError.ts';

/** AWS credentials as the SDK's providers resolve them. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The body parsed as JSON, or undefined when it is not JSON (not a chaineval API). */
  readonly json: unknown;
}

export interface ApiClient {
  /** Signs (SigV4, service execute-api) and sends one request to `<baseUrl><path>`. */
  send(
    method: 'GET' | 'POST',
    path: string,
    options?: { readonly body?: string; readonly headers?: Readonly<Record<string, string>> },
  ): Promise<ApiAnswer>;
}

/** A report is a few MB; a far bigger answer is not the API's. */
const maxAnswerBytes = 64 * 1024 * 1024;

/**
 * A client of the chaineval HTTP API, whose every method requires IAM authorization: each request
 * is signed with SigV4 for `execute-api` in the API's region with the caller's AWS credentials (the
 * SDK's default provider chain: environment, shared config and SSO, web identity, instance role).
 * The credentials are resolved once, first, so "no credentials" is one line before anything is
 * sent. Every request is bounded by `timeoutMs`.
 */
export async function createApiClient(
  location: ApiLocation,
  credentials: () => Promise<AwsCredentials>,
  timeoutMs = 30_000,
): Promise<ApiClient> {
  let identity: AwsCredentials;
  try {
    identity = await credentials();
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new ConfigError(
      `no AWS credentials to sign requests to the API with (${reason.slice(0, 200)}); set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, for a principal with the stack's StarterPolicyArn`,
    );
  }
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: identity.accessKeyId,
      secretAccessKey: identity.secretAccessKey,
      ...(identity.sessionToken === undefined ? {} : { sessionToken: identity.sessionToken }),
    },
    region: location.region,
    service: 'execute-api',
    sha256: Sha256,
  });
  return {
    async send(method, path, options = {}) {
      const url = new URL(`${location.baseUrl}${path}`);
      const signed = await signer.sign({
        method,
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port === '' ? {} : { port: Number(url.port) }),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: {
          host: url.host,
          accept: 'application/json',
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        ...(options.body === undefined ? {} : { body: options.body }),
      });
      const { host: _host, ...headers } = signed.headers;
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, {
          method,
          headers,
          ...(options.body === undefined ? {} : { body: options.body }),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        const length = Number(response.headers.get('content-length') ?? 0);
        if (length > maxAnswerBytes) {
          await response.body?.cancel();
          throw new ConfigError(
            `${url.origin} answered ${method} ${path} with ${length} bytes; that is not the chaineval API (check --remote)`,
          );
        }
        text = await response.text();
      } catch (error) {
        if (error instanceof ConfigError) throw error;
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const reason =
          (error as { name?: string }).name === 'TimeoutError'
            ? `no answer within ${timeoutMs / 1_000} s`
            : (cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
        throw new RemoteApiUnavailableError(
          `cannot reach the API at ${url.origin} (${reason}); check --remote (the stack's ApiUrl output) and your network`,
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: response.headers, json };
    },
  };
}
