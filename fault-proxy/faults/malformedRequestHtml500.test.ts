import { describe, expect, it } from 'vitest';
import { htmlErrorPage, malformedRequestHtml500, nestingDepth } from './malformedRequestHtml500.ts';

const call = Buffer.from('{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}');

describe('malformedRequestHtml500', () => {
  it('lets ordinary requests and batches through', () => {
    expect(malformedRequestHtml500(call)).toBeUndefined();
    expect(malformedRequestHtml500(Buffer.from(`[${call},${call}]`))).toBeUndefined();
  });

  it('answers HTTP 500 with an HTML page to bodies over 512 KiB, over the proxy bound, not JSON, or deeply nested', () => {
    expect(malformedRequestHtml500(Buffer.alloc(600 * 1024, 0x61))).toEqual(htmlErrorPage);
    expect(malformedRequestHtml500(undefined)).toEqual(htmlErrorPage);
    expect(malformedRequestHtml500(Buffer.from('<xml/>'))).toEqual(htmlErrorPage);
    expect(malformedRequestHtml500(Buffer.from(`{"params":${'['.repeat(100)}${']'.repeat(100)}}`))).toEqual(
      htmlErrorPage,
    );
    expect(htmlErrorPage.status).toBe(500);
    expect(htmlErrorPage.body).toMatch(/^<!DOCTYPE html>/);
  });

  it('counts nesting outside strings only', () => {
    expect(nestingDepth('{"a":"[[[[[","b":[[1]]}', 64)).toBe(3);
    expect(nestingDepth('["\\"[[["]', 64)).toBe(1);
  });
});
