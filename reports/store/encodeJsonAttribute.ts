import { gzipSync } from 'node:zlib';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { itemSizeBytes } from './itemSizeBytes.ts';
import { StoreItemTooLargeError } from './StoreError.ts';
import { maxItemBytes, tableDesign } from './tableDesign.ts';

/**
 * Adds `value` as JSON to `item`: as text in `json` when the whole item fits in DynamoDB's 400 KB,
 * else gzipped in `jsonGzip` (JSON evidence compresses ~5–20×; docs/adr/0002). Fails with a clear
 * error when even the gzipped item does not fit: such artifacts belong in S3.
 */
export function encodeJsonAttribute(
  item: Readonly<Record<string, AttributeValue>>,
  value: unknown,
  what: string,
): Record<string, AttributeValue> {
  const text = JSON.stringify(value);
  const plain = { ...item, [tableDesign.jsonAttribute]: { S: text } };
  if (itemSizeBytes(plain) <= maxItemBytes) return plain;
  const gzipped = { ...item, [tableDesign.jsonGzipAttribute]: { B: gzipSync(text) } };
  const size = itemSizeBytes(gzipped);
  if (size <= maxItemBytes) return gzipped;
  throw new StoreItemTooLargeError(
    `${what} is too large for one DynamoDB item: ${Buffer.byteLength(text)} bytes of JSON, ${size} bytes gzipped, limit ${maxItemBytes}`,
    {
      details:
        'DynamoDB items are limited to 400 KB. Reduce the evidence the check records (e.g. fewer sampled blocks), or store the artifact in S3 and keep a reference.',
    },
  );
}
