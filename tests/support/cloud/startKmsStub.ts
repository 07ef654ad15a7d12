import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface KmsRequest {
  readonly target: string;
  readonly body: Record<string, unknown> | undefined;
  readonly headers: IncomingHttpHeaders;
}

export interface KmsStub {
  /** Point the SDK here: `AWS_ENDPOINT_URL_KMS`. */
  readonly endpoint: string;
  /** The one key it holds, by ARN (what the stack passes to finalize). */
  readonly keyArn: string;
  /** Its public half as a `PUBLIC KEY` PEM: what `chaineval verify --public-key` trusts. */
  readonly publicKeyPem: string;
  /** Every request received, in order. */
  readonly requests: readonly KmsRequest[];
  close(): Promise<void>;
}

/**
 * The two KMS operations the report signer calls (reports/seal/createKmsSigner.ts), AWS JSON 1.1
 * protocol (`X-Amz-Target: TrentService.GetPublicKey` / `TrentService.Sign`), on 127.0.0.1, for one
 * ECC_NIST_P256 SIGN_VERIFY key generated here. No local KMS is installable (toolchain.md), so this
 * emulates the service only: the handler, the signer and the bundled SDK's signed request run for
 * real up to it. Like KMS, Sign with MessageType RAW and ECDSA_SHA_256 hashes the message with
 * SHA-256 and answers a DER signature; blobs travel base64 in JSON. A wrong key id, algorithm or
 * message type, or any other operation, is answered with KMS's typed error.
 */
export async function startKmsStub(keyArn: string): Promise<KmsStub> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const requests: KmsRequest[] = [];
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
      const [status, payload] = answer(target, body, { keyArn, privateKey, spki });
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.1',
        ...(status === 200 ? {} : { 'x-amzn-errortype': String(payload.__type) }),
      });
      res.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    keyArn,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Answer = [number, Record<string, unknown>];

function answer(
  target: string,
  body: Record<string, unknown> | undefined,
  key: { keyArn: string; privateKey: KeyObject; spki: Buffer },
): Answer {
  const error = (type: string, message: string): Answer => [400, { __type: type, message }];
  if (body?.KeyId !== key.keyArn)
    return error('NotFoundException', `Key '${String(body?.KeyId)}' does not exist`);
  if (target === 'TrentService.GetPublicKey') {
    return [
      200,
      {
        KeyId: key.keyArn,
        PublicKey: key.spki.toString('base64'),
        KeySpec: 'ECC_NIST_P256',
        KeyUsage: 'SIGN_VERIFY',
        SigningAlgorithms: ['ECDSA_SHA_256'],
      },
    ];
  }
  if (target === 'TrentService.Sign') {
    if (body.SigningAlgorithm !== 'ECDSA_SHA_256') {
      return error('InvalidKeyUsageException', `${String(body.SigningAlgorithm)} is not valid for this key`);
    }
    if (body.MessageType !== 'RAW' || typeof body.Message !== 'string') {
      return error('ValidationException', 'this stub signs RAW messages only');
    }
    const message = Buffer.from(body.Message, 'base64');
    // KMS's limit for a RAW message.
    if (message.length > 4096) return error('ValidationException', 'Message must be at most 4096 bytes');
    return [
      200,
      {
        KeyId: key.keyArn,
        Signature: sign('sha256', message, key.privateKey).toString('base64'),
        SigningAlgorithm: 'ECDSA_SHA_256',
      },
    ];
  }
  return error('UnsupportedOperationException', `${target} is not emulated`);
}
