import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import type { APIGatewayProxyResult } from 'aws-lambda';

/** An IAM principal the emulated account knows, with one of the stack's two API policies attached. */
export interface EmulatedPrincipal {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly arn: string;
  /** StarterPolicy: every route; ReaderPolicy: the GET routes only (infra/lib/constructs/EvaluationApi.ts). */
  readonly policy: 'starter' | 'reader';
}

export interface EmulatedRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The principal whose signature was verified, if any. */
  readonly principal?: string;
}

export interface ApiGatewayEmulator {
  /** The stage URL, as the stack's `ApiUrl` output: `http://127.0.0.1:<port>/v1`. */
  readonly url: string;
  readonly requests: readonly EmulatedRequest[];
  close(): Promise<void>;
}

type Handler = (event: unknown) => Promise<APIGatewayProxyResult>;

/** The routes of EvaluationApi and the handler behind each. */
const routes = [
  { method: 'POST', resource: '/evaluations', pattern: /^\/evaluations$/, fn: 'start' },
  { method: 'GET', resource: '/evaluations/{id}', pattern: /^\/evaluations\/([^/]+)$/, fn: 'read' },
  { method: 'GET', resource: '/reports', pattern: /^\/reports$/, fn: 'read' },
  { method: 'GET', resource: '/reports/{id}', pattern: /^\/reports\/([^/]+)$/, fn: 'read' },
] as const;

const stage = 'v1';
const account = '123456789012';
/** API Gateway refuses a request signed more than 5 minutes away from its clock. */
const maxClockSkewMs = 5 * 60_000;

/**
 * API Gateway in front of the chaineval API handlers, on 127.0.0.1: what the deployed REST API does
 * before and around a Lambda proxy integration, emulated because nothing local implements it.
 * - IAM authorization (`AuthorizationType.IAM`): the SigV4 signature of every request is verified by
 *   signing the received request again with the principal's secret (the SDK's own signer), scope
 *   (region, `execute-api`) and clock skew checked; then the principal's policy decides the route.
 *   Refusals are API Gateway's 403 bodies (`Missing Authentication Token`, an unknown key, a
 *   signature mismatch, `not authorized to perform: execute-api:Invoke`). An unknown route is a 403
 *   `Missing Authentication Token`, as API Gateway answers.
 * - The request validator: `Idempotency-Key` is required on POST /evaluations.
 * - The proxy integration: the request becomes an API Gateway proxy event, the handler's result the
 *   response; a handler that throws is a 502 `Internal server error`.
 * The handlers themselves, and every AWS call they make, are real.
 */
export async function startApiGatewayEmulator(options: {
  readonly region: string;
  readonly principals: readonly EmulatedPrincipal[];
  readonly startHandler: Handler;
  readonly readHandler: Handler;
}): Promise<ApiGatewayEmulator> {
  const requests: EmulatedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = Buffer.concat(chunks).toString('utf8');
      let principal: string | undefined;
      const answer = (status: number, payload: string, headers: Record<string, string> = {}) => {
        requests.push({
          method: req.method ?? '',
          path: url.pathname,
          status,
          ...(principal === undefined ? {} : { principal }),
        });
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(payload);
      };
      const refuse = (status: number, field: 'message' | 'Message', message: string) =>
        answer(status, JSON.stringify({ [field]: message }), { 'x-amzn-errortype': 'AccessDeniedException' });
      void (async () => {
        const stagePrefix = `/${stage}`;
        const path = url.pathname.startsWith(`${stagePrefix}/`) ? url.pathname.slice(stagePrefix.length) : '';
        const route = routes.find((r) => r.method === req.method && r.pattern.test(path));
        if (route === undefined) return refuse(403, 'message', 'Missing Authentication Token');
        const verified = await verifySignature(req.method ?? '', url, req.headers, body, options);
        if (!verified.ok) return refuse(403, 'message', verified.message);
        principal = verified.principal.arn;
        if (verified.principal.policy !== 'starter' && route.method !== 'GET') {
          return refuse(
            403,
            'Message',
            `User: ${verified.principal.arn} is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:${options.region}:********${account.slice(-4)}:emulated/${stage}/${route.method}${path}`,
          );
        }
        if (route.method === 'POST' && req.headers['idempotency-key'] === undefined) {
          return answer(
            400,
            JSON.stringify({ message: 'Missing required request parameters: [Idempotency-Key]' }),
          );
        }
        const id = route.pattern.exec(path)?.[1];
        const query = Object.fromEntries(url.searchParams);
        const event = {
          resource: route.resource,
          path,
          httpMethod: route.method,
          headers: Object.fromEntries(
            Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
          ),
          queryStringParameters: Object.keys(query).length === 0 ? null : query,
          pathParameters: id === undefined ? null : { id: decodeURIComponent(id) },
          requestContext: { stage, identity: { userArn: verified.principal.arn } },
          body: body === '' ? null : body,
          isBase64Encoded: false,
        };
        try {
          const handler = route.fn === 'start' ? options.startHandler : options.readHandler;
          const result = await handler(event);
          const headers = Object.fromEntries(
            Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]),
          );
          return answer(result.statusCode, result.body, headers);
        } catch {
          return answer(502, JSON.stringify({ message: 'Internal server error' }));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${stage}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Verification =
  | { readonly ok: true; readonly principal: EmulatedPrincipal }
  | { readonly ok: false; readonly message: string };

const authorizationPattern =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** SigV4 as API Gateway checks it: the received request, signed again with the principal's secret, must give the same signature. */
async function verifySignature(
  method: string,
  url: URL,
  headers: IncomingHttpHeaders,
  body: string,
  options: { readonly region: string; readonly principals: readonly EmulatedPrincipal[] },
): Promise<Verification> {
  const authorization = headers.authorization;
  if (authorization === undefined) return { ok: false, message: 'Missing Authentication Token' };
  const parts = authorizationPattern.exec(authorization);
  if (!parts) {
    return {
      ok: false,
      message: `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.`,
    };
  }
  const [, accessKeyId, , region, service, signedHeaders = '', signature] = parts;
  const principal = options.principals.find((p) => p.accessKeyId === accessKeyId);
  if (principal === undefined) {
    return { ok: false, message: 'The security token included in the request is invalid.' };
  }
  if (region !== options.region || service !== 'execute-api') {
    return {
      ok: false,
      message: `Credential should be scoped to a valid region and the execute-api service (got ${region}/${service}).`,
    };
  }
  const amzDate = String(headers['x-amz-date'] ?? '');
  const signingDate = new Date(
    amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  if (Number.isNaN(signingDate.getTime()) || Math.abs(Date.now() - signingDate.getTime()) > maxClockSkewMs) {
    return {
      ok: false,
      message:
        'Signature expired or not yet valid: the x-amz-date header is missing or off by more than 5 minutes.',
    };
  }
  const signedNames = signedHeaders.split(';');
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: principal.accessKeyId,
      secretAccessKey: principal.secretAccessKey,
      ...(headers['x-amz-security-token'] === undefined
        ? {}
        : { sessionToken: String(headers['x-amz-security-token']) }),
    },
    region: options.region,
    service: 'execute-api',
    sha256: Sha256,
    // The payload hash is computed from the body received, never taken from the client's header.
    applyChecksum: signedNames.includes('x-amz-content-sha256'),
  });
  const resigned = await signer.sign(
    {
      method,
      protocol: 'http:',
      hostname: url.hostname,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(
        signedNames
          .filter((name) => name !== 'x-amz-content-sha256')
          .map((name) => [name, String(headers[name] ?? '')]),
      ),
      body,
    },
    { signingDate },
  );
  const expected = /Signature=([0-9a-f]{64})$/.exec(String(resigned.headers.authorization))?.[1];
  if (expected !== signature) {
    return {
      ok: false,
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    };
  }
  return { ok: true, principal };
}
