import { describe, expect, it } from 'vitest';
import {
  type CrashMemory,
  crashOutageMs,
  isRequestBody,
  malformedRequestCrashes,
  unavailablePage,
} from './malformedRequestCrashes.ts';
import { htmlErrorPage } from './malformedRequestHtml500.ts';

const call = '{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":["0xzz"]}';

describe('malformedRequestCrashes', () => {
  it('tells requests and non-empty batches of requests from everything else', () => {
    expect(isRequestBody(Buffer.from(call))).toBe(true);
    expect(isRequestBody(Buffer.from(`[${call},${call}]`))).toBe(true);
    for (const body of ['{', '', 'null', '42', '[]', `[${call},1]`, '{"id":1}', '{"method":7}'])
      expect(isRequestBody(Buffer.from(body)), body).toBe(false);
    expect(isRequestBody(undefined)).toBe(false);
  });

  it('lets requests through, crashes on a malformed body, then stays down for the outage', async () => {
    let now = 1_000_000;
    const memory: CrashMemory = { downUntilMs: 0 };
    expect(await malformedRequestCrashes(Buffer.from(call), memory, () => now)).toBeUndefined();
    expect(await malformedRequestCrashes(Buffer.from('[]'), memory, () => now)).toEqual(htmlErrorPage);
    expect(memory.downUntilMs).toBe(now + crashOutageMs);
    now += crashOutageMs - 5; // 5 ms of outage left: the request waits them out, then gets the 503 page
    expect(await malformedRequestCrashes(Buffer.from(call), memory, () => now)).toEqual(unavailablePage);
    now += 10;
    expect(await malformedRequestCrashes(Buffer.from(call), memory, () => now)).toBeUndefined();
  });
});
