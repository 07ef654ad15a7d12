import { gunzipSync } from 'node:zlib';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type ZodType, z } from 'zod';
import { CorruptStoreItemError } from './StoreError.ts';
import { tableDesign } from './tableDesign.ts';

/** Cap on the inflated size of a gzipped payload: a gzip bomb in the table must not exhaust memory. */
const maxInflatedBytes = 32 * 1024 * 1024;

/**
 * Reads the JSON payload of an item (from `json` or `jsonGzip`) and validates it with `schema`.
 * Anything else — missing payload, bad gzip, bad JSON, schema mismatch — is a CorruptStoreItemError
 * naming the item, so an operator can find and delete it.
 */
export function decodeJsonAttribute<T>(
  item: Readonly<Record<string, AttributeValue>>,
  schema: ZodType<T>,
  where: string,
): T {
  const text = payloadText(item, where);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new CorruptStoreItemError(`${where} holds invalid JSON; delete or rewrite the item`, { cause });
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new CorruptStoreItemError(
      `${where} does not match the schema chaineval writes; delete or rewrite the item`,
      {
        details: z.prettifyError(result.error),
      },
    );
  }
  return result.data;
}

function payloadText(item: Readonly<Record<string, AttributeValue>>, where: string): string {
  const json = item[tableDesign.jsonAttribute];
  if (json?.S !== undefined) return json.S;
  const gzipped = item[tableDesign.jsonGzipAttribute];
  if (gzipped?.B !== undefined) {
    try {
      return gunzipSync(gzipped.B, { maxOutputLength: maxInflatedBytes }).toString('utf8');
    } catch (cause) {
      throw new CorruptStoreItemError(
        `${where} holds a "${tableDesign.jsonGzipAttribute}" attribute that is not valid gzip (or inflates beyond ${maxInflatedBytes} bytes)`,
        {
          cause,
        },
      );
    }
  }
  throw new CorruptStoreItemError(
    `${where} has neither a string "${tableDesign.jsonAttribute}" nor a binary "${tableDesign.jsonGzipAttribute}" attribute; delete or rewrite the item`,
  );
}
