import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface S3Object {
  readonly bucket: string;
  readonly key: string;
  readonly body: Buffer;
  readonly headers: IncomingHttpHeaders;
}

export interface S3Stub {
  /** Point the SDK here: `AWS_ENDPOINT_URL_S3`. */
  readonly endpoint: string;
  /** Every object put, in order (a later put of the same key comes later). */
  readonly puts: readonly S3Object[];
  /** Every request's method and path, in order. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/**
 * S3's PutObject, path-style (`PUT /<bucket>/<key>`), on 127.0.0.1: what finalize calls to write
 * report files; GetObject and HeadObject (also by a presigned URL, whose signature is not checked)
 * answer the latest put of a key, as the API's report links read them. The SDK addresses a custom endpoint that is an IP address path-style (its endpoint
 * rules), as `forcePathStyle` would. This emulates only the service's acceptance of the object: the
 * handler and the bundled SDK's signed request (serialisation, checksum, SigV4) run for real up to
 * it. A body sent `aws-chunked` (a streamed upload with trailing checksums) is decoded. Anything
 * else is refused as S3 refuses an unsupported request.
 */
export async function startS3Stub(): Promise<S3Stub> {
  const puts: S3Object[] = [];
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push(`${req.method} ${url.pathname}${url.search}`);
      const [, bucket = '', ...keyParts] = url.pathname.split('/');
      const key = decodeURIComponent(keyParts.join('/'));
      // The SDK names the operation in the query (`?x-id=PutObject`); any other query is another operation.
      const operation = url.searchParams.get('x-id') ?? 'PutObject';
      // A presigned GET carries its signature in the query (X-Amz-*); GetObject and HeadObject read
      // the latest put of a key, as S3 answers with the current version.
      const otherQuery = [...url.searchParams.keys()].some(
        (name) => name !== 'x-id' && !name.toLowerCase().startsWith('x-amz-'),
      );
      if ((req.method === 'GET' || req.method === 'HEAD') && bucket !== '' && key !== '' && !otherQuery) {
        const stored = puts.findLast((p) => p.bucket === bucket && p.key === key);
        if (stored === undefined) {
          res.writeHead(404, { 'content-type': 'application/xml' });
          res.end(
            req.method === 'HEAD'
              ? undefined
              : '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
          );
          return;
        }
        res.writeHead(200, {
          'content-type': String(stored.headers['content-type'] ?? 'application/octet-stream'),
          'content-length': String(stored.body.length),
        });
        res.end(req.method === 'HEAD' ? undefined : stored.body);
        return;
      }
      if (req.method !== 'PUT' || bucket === '' || key === '' || operation !== 'PutObject' || otherQuery) {
        res.writeHead(501, { 'content-type': 'application/xml' });
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>only PutObject is emulated</Message></Error>',
        );
        return;
      }
      const raw = Buffer.concat(chunks);
      const chunked = String(req.headers['content-encoding'] ?? '').includes('aws-chunked');
      puts.push({ bucket, key, body: chunked ? decodeAwsChunked(raw) : raw, headers: req.headers });
      res.writeHead(200, { etag: `"${puts.length}"`, 'x-amz-version-id': `v${puts.length}` });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    puts,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `<hex size>[;ext]\r\n<data>\r\n` … `0\r\n<trailers>\r\n\r\n` → the data. */
function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (let guard = 0; guard < 100_000 && at < raw.length; guard++) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(raw.subarray(at, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
