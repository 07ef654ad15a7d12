import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SecretsManagerRequest {
  readonly target: string;
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
}

/** A secret as the stub holds it: what CreateSecret stored (or the test seeded) and whether it was deleted. */
export interface StubSecret {
  readonly value: string;
  readonly tags: readonly { readonly Key: string; readonly Value: string }[];
  /** Set by DeleteSecret: the secret is scheduled for deletion and can be neither read nor created again. */
  readonly deletion?: { readonly recoveryWindowInDays: number };
}

export interface SecretsManagerStub {
  /** Point the SDK here: `AWS_ENDPOINT_URL_SECRETS_MANAGER`. */
  readonly endpoint: string;
  /** Every request received, in order (the test asserts the SDK call the handler made). */
  readonly requests: readonly SecretsManagerRequest[];
  /** Every secret by name: the seeded ones and those CreateSecret made. */
  readonly secrets: ReadonlyMap<string, StubSecret>;
  close(): Promise<void>;
}

/**
 * The Secrets Manager operations chaineval calls (AWS JSON 1.1 protocol) on 127.0.0.1:
 * `GetSecretValue` (target keys and URLs), `CreateSecret` (the API stores a run's target URL) and
 * `DeleteSecret` (finalize schedules its deletion), over the `secrets` given plus those created. No
 * local implementation of Secrets Manager is installable here (toolchain.md: no moto, no
 * LocalStack), so this emulates the service only: the handler's code and the bundled SDK's request
 * (serialisation, SigV4 signing, HTTP) run for real up to this server. Answers follow the service's
 * documented errors: an existing name is ResourceExistsException; reading, creating or deleting a
 * secret scheduled for deletion is InvalidRequestException; an unknown secret is
 * ResourceNotFoundException; other operations are refused.
 */
export async function startSecretsManagerStub(
  secrets: Readonly<Record<string, string>>,
): Promise<SecretsManagerStub> {
  const requests: SecretsManagerRequest[] = [];
  const held = new Map<string, StubSecret>(
    Object.entries(secrets).map(([name, value]) => [name, { value, tags: [] }]),
  );
  const arnOf = (name: string) => `arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-AbCdEf`;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      let body: Record<string, unknown> | undefined;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
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
      const notFound = () =>
        answer(400, {
          __type: 'ResourceNotFoundException',
          message: "Secrets Manager can't find the specified secret.",
        });
      const markedDeleted = () =>
        answer(400, {
          __type: 'InvalidRequestException',
          message: "You can't perform this operation on the secret because it was marked for deletion.",
        });
      const operation = target.replace(/^secretsmanager\./, '');
      if (operation === 'GetSecretValue' || operation === 'DeleteSecret') {
        const secretId = body?.SecretId;
        const secret = typeof secretId === 'string' ? held.get(secretId) : undefined;
        if (typeof secretId !== 'string' || secret === undefined) return notFound();
        if (secret.deletion !== undefined) return markedDeleted();
        if (operation === 'DeleteSecret') {
          const window = Number(body?.RecoveryWindowInDays ?? 30);
          if (!Number.isInteger(window) || window < 7 || window > 30) {
            return answer(400, {
              __type: 'InvalidParameterException',
              message: 'RecoveryWindowInDays must be between 7 and 30 days.',
            });
          }
          held.set(secretId, { ...secret, deletion: { recoveryWindowInDays: window } });
          return answer(200, {
            ARN: arnOf(secretId),
            Name: secretId,
            DeletionDate: Date.now() / 1_000 + window * 86_400,
          });
        }
        return answer(200, {
          ARN: arnOf(secretId),
          Name: secretId,
          SecretString: secret.value,
          VersionId: '00000000-0000-4000-8000-000000000001',
          VersionStages: ['AWSCURRENT'],
          CreatedDate: 1_764_460_800,
        });
      }
      if (operation === 'CreateSecret') {
        const name = body?.Name;
        const value = body?.SecretString;
        if (typeof name !== 'string' || typeof value !== 'string') {
          return answer(400, {
            __type: 'InvalidParameterException',
            message: 'Name and SecretString are required.',
          });
        }
        const existing = held.get(name);
        if (existing?.deletion !== undefined) {
          return answer(400, {
            __type: 'InvalidRequestException',
            message:
              "You can't create this secret because a secret with this name is already scheduled for deletion.",
          });
        }
        if (existing !== undefined) {
          return answer(400, {
            __type: 'ResourceExistsException',
            message: `The operation failed because the secret ${name} already exists.`,
          });
        }
        const tags = Array.isArray(body?.Tags) ? (body.Tags as StubSecret['tags']) : [];
        held.set(name, { value, tags });
        return answer(200, {
          ARN: arnOf(name),
          Name: name,
          VersionId: '00000000-0000-4000-8000-000000000002',
        });
      }
      answer(400, { __type: 'InvalidRequestException', message: `${target} is not emulated` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    secrets: held,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
