import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * Upper-bound size of an item as DynamoDB counts it against the 400 KB limit: attribute names and
 * values in UTF-8 bytes, binary as raw bytes, numbers as at most 21 bytes
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html).
 * Only the attribute types the store writes are counted exactly; others count as a generous 64 bytes.
 */
export function itemSizeBytes(item: Readonly<Record<string, AttributeValue>>): number {
  let total = 0;
  for (const [name, value] of Object.entries(item)) {
    total += Buffer.byteLength(name, 'utf8');
    if (value.S !== undefined) total += Buffer.byteLength(value.S, 'utf8');
    else if (value.B !== undefined) total += value.B.byteLength;
    else if (value.N !== undefined) total += 21;
    else total += 64;
  }
  return total;
}
