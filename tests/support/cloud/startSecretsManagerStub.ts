import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SecretsManagerRequest {
  readonly target: string;
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
}

export interface SecretsManagerStub {
  /** Point the SDK here: `AWS_ENDPOINT_URL_SECRETS_MANAGER`. */
  readonly endpoint: string;
  /** Every request received, in order (the test asserts the SDK call the handler made). */
  readonly requests: readonly SecretsManagerRequest[];
  close(): Promise<void>;
}

/**
 * The one Secrets Manager operation chaineval calls (`GetSecretValue`, AWS JSON 1.1 protocol), served
 * from `secrets` on 127.0.0.1. No local implementation of Secrets Manager is installable here
 * (toolchain.md: no moto, no LocalStack), so this emulates the service only: the handler's code and
 * the bundled SDK's request (serialisation, SigV4 signing, HTTP) run for real up to this server.
 * Other operations and unknown secrets answer as AWS does, with a typed error.
 */
export async function startSecretsManagerStub(
  secrets: Readonly<Record<string, string>>,
): Promise<SecretsManagerStub> {
  const requests: SecretsManagerRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      requests.push({ target, body, headers: req.headers });
      const answer = (status: number, payload: Record<string, unknown>) => {
        res.writeHead(status, {
          'content-type': 'application/x-amz-json-1.1',
          ...(status === 200 ? {} : { 'x-amzn-errortype': String(payload.__type) }),
        });
        res.end(JSON.stringify(payload));
      };
      const secretId = (body as { SecretId?: unknown } | undefined)?.SecretId;
      if (target !== 'secretsmanager.GetSecretValue') {
        answer(400, { __type: 'InvalidRequestException', message: `${target} is not emulated` });
      } else if (typeof secretId !== 'string' || secrets[secretId] === undefined) {
        answer(400, {
          __type: 'ResourceNotFoundException',
          message: "Secrets Manager can't find the specified secret.",
        });
      } else {
        answer(200, {
          ARN: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${secretId}-AbCdEf`,
          Name: secretId,
          SecretString: secrets[secretId],
          VersionId: '00000000-0000-4000-8000-000000000001',
          VersionStages: ['AWSCURRENT'],
          CreatedDate: 1_764_460_800,
        });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
