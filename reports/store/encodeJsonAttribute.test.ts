import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeJsonAttribute } from './decodeJsonAttribute.ts';
import { encodeJsonAttribute } from './encodeJsonAttribute.ts';
import { itemSizeBytes } from './itemSizeBytes.ts';
import { CorruptStoreItemError, StoreItemTooLargeError } from './StoreError.ts';
import { maxItemBytes } from './tableDesign.ts';

const keys = { pk: { S: 'RUN#x' }, sk: { S: 'META' } };
const Schema = z.object({ text: z.string() });

describe('encodeJsonAttribute / decodeJsonAttribute', () => {
  it('stores a small payload as JSON text and reads it back', () => {
    const item = encodeJsonAttribute(keys, { text: 'hello 你好' }, 'test');
    expect(item.json?.S).toBe('{"text":"hello 你好"}');
    expect(decodeJsonAttribute(item, Schema, 'item')).toEqual({ text: 'hello 你好' });
  });

  it('gzips a payload that would exceed the item limit as text', () => {
    const value = { text: 'abc'.repeat(200_000) };
    const item = encodeJsonAttribute(keys, value, 'test');
    expect(item.json).toBeUndefined();
    expect(item.jsonGzip?.B).toBeInstanceOf(Uint8Array);
    expect(itemSizeBytes(item)).toBeLessThanOrEqual(maxItemBytes);
    expect(decodeJsonAttribute(item, Schema, 'item')).toEqual(value);
  });

  it('fails with the sizes when even gzip does not fit', () => {
    const value = { text: randomBytes(450_000).toString('base64') };
    expect(() => encodeJsonAttribute(keys, value, 'report R')).toThrow(StoreItemTooLargeError);
    expect(() => encodeJsonAttribute(keys, value, 'report R')).toThrow(
      /report R is too large for one DynamoDB item/,
    );
  });

  it('counts multi-byte characters in bytes, not characters', () => {
    // 140k CJK characters are 420k UTF-8 bytes: over the limit although the string is short.
    const item = encodeJsonAttribute(keys, { text: '账'.repeat(140_000) }, 'test');
    expect(item.jsonGzip).toBeDefined();
  });

  it('rejects items with a missing payload, bad JSON, bad gzip or a schema mismatch', () => {
    expect(() => decodeJsonAttribute(keys, Schema, 'item A')).toThrow(/item A has neither/);
    expect(() => decodeJsonAttribute({ ...keys, json: { S: '{' } }, Schema, 'item B')).toThrow(
      /item B holds invalid JSON/,
    );
    expect(() =>
      decodeJsonAttribute({ ...keys, jsonGzip: { B: new Uint8Array([1, 2, 3]) } }, Schema, 'item C'),
    ).toThrow(CorruptStoreItemError);
    expect(() => decodeJsonAttribute({ ...keys, json: { S: '{"text":1}' } }, Schema, 'item D')).toThrow(
      /item D does not match the schema/,
    );
  });

  it('refuses a gzip bomb instead of inflating it', () => {
    const bomb = gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x20));
    expect(() => decodeJsonAttribute({ ...keys, jsonGzip: { B: bomb } }, Schema, 'item E')).toThrow(
      /inflates beyond/,
    );
  });
});
