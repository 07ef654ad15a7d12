import type { JsonRpcReply } from '../defineFault.ts';

/** Bodies larger than this get the error page. */
export const htmlErrorBodyLimit = 512 * 1024;
/** JSON nested deeper than this gets the error page. */
export const htmlErrorDepthLimit = 64;

export const htmlErrorPage: JsonRpcReply = {
  status: 500,
  body: '<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an unexpected condition.</p></body></html>',
};

/** Deepest nesting of arrays and objects in `text`, outside strings; stops counting past `limit`. */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === ']' || c === '}') depth--;
  }
  return deepest;
}

/**
 * malformed-request-html-500: a web framework's default error handler in front of the node. Bodies
 * over 512 KiB (or over the proxy's own bound), bodies that are not JSON, and JSON nested deeper than
 * 64 levels are answered HTTP 500 with an HTML error page instead of a JSON-RPC error (caught by
 * API-05). Everything else goes on to the chain.
 */
export function malformedRequestHtml500(body: Buffer | undefined): JsonRpcReply | undefined {
  if (body === undefined || body.length > htmlErrorBodyLimit) return htmlErrorPage;
  const text = body.toString('utf8');
  try {
    JSON.parse(text);
  } catch {
    return htmlErrorPage;
  }
  return nestingDepth(text, htmlErrorDepthLimit) > htmlErrorDepthLimit ? htmlErrorPage : undefined;
}
