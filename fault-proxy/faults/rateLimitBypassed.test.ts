import { describe, expect, it } from 'vitest';
import { createTokenBucket, isThrottled, throttledReply } from './rateLimitBypassed.ts';

describe('createTokenBucket', () => {
  it('lets a burst through, then refills at the rate', () => {
    let t = 0;
    const bucket = createTokenBucket(10, 3, () => t);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    t += 100; // one token per 100 ms at 10/s
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    t += 10_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});

describe('isThrottled', () => {
  it('recognises HTTP 429 and 503 and the JSON-RPC code -32005', () => {
    const throttled = throttledReply(7);
    expect(throttled.status).toBe(429);
    expect(isThrottled({ status: throttled.status, text: throttled.body })).toBe(true);
    expect(isThrottled({ status: 200, text: throttled.body })).toBe(true);
    expect(isThrottled({ status: 503, text: '<html>503</html>' })).toBe(true);
    expect(isThrottled({ status: 200, text: '{"jsonrpc":"2.0","id":1,"result":"0x1"}' })).toBe(false);
  });
});
