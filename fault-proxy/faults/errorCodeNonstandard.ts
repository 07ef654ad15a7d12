/**
 * error-code-nonstandard: a node that reports errors with HTTP-like codes of its own instead of
 * JSON-RPC 2.0 §5.1's: parse errors and invalid requests become 400, unknown methods 404, invalid
 * params 422 and everything else 500 (caught by PROP-07; API-02 sees the same). Works on any parsed
 * body and returns `body` itself when it holds no error, so unchanged bytes can pass through.
 */
export function errorCodeNonstandard(body: unknown): unknown {
  if (Array.isArray(body)) {
    const rewritten = body.map(errorCodeNonstandard);
    return rewritten.some((item, index) => item !== body[index]) ? rewritten : body;
  }
  if (typeof body !== 'object' || body === null) return body;
  const error = (body as Record<string, unknown>).error;
  if (typeof error !== 'object' || error === null) return body;
  const code = (error as Record<string, unknown>).code;
  return { ...body, error: { ...error, code: nonstandardCode(code) } };
}

function nonstandardCode(code: unknown): number {
  if (code === -32700 || code === -32600) return 400;
  if (code === -32601) return 404;
  if (code === -32602) return 422;
  return 500;
}
