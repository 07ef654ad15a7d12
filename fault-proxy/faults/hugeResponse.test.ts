import { describe, expect, it } from 'vitest';
import { hugeResponse, hugeResponseBytes } from './hugeResponse.ts';

describe('hugeResponse', () => {
  it('yields exactly 64 MiB that start and end as a JSON-RPC response, in small chunks', () => {
    let total = 0;
    let largest = 0;
    const chunks = [...hugeResponse(42)];
    for (const chunk of chunks) {
      total += chunk.length;
      largest = Math.max(largest, chunk.length);
    }
    expect(total).toBe(hugeResponseBytes);
    expect(largest).toBeLessThanOrEqual(64 * 1024);
    expect(chunks[0]?.toString()).toBe('{"jsonrpc":"2.0","id":42,"result":"0x');
    expect(chunks.at(-1)?.toString().trimEnd()).toBe('"}');
  });
});
