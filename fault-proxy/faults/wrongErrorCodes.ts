/**
 * wrong-error-codes: every JSON-RPC error code becomes -32000, whatever the failure (JSON-RPC 2.0 §5.1
 * reserves -32700/-32600/-32601/-32602/-32603; caught by API-02). Works on any parsed body — a single
 * response, a batch, or the chain's answer to a malformed request — and returns `body` itself when it
 * contains no error, so unchanged bytes can be passed through.
 */
export function wrongErrorCodes(body: unknown): unknown {
  if (Array.isArray(body)) {
    const rewritten = body.map(wrongErrorCodes);
    return rewritten.some((item, index) => item !== body[index]) ? rewritten : body;
  }
  if (typeof body !== 'object' || body === null) return body;
  const error = (body as Record<string, unknown>).error;
  if (typeof error !== 'object' || error === null || (error as Record<string, unknown>).code === -32000)
    return body;
  return { ...body, error: { ...error, code: -32000 } };
}
