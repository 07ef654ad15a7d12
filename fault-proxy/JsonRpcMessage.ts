import { z } from 'zod';

/**
 * The JSON-RPC 2.0 shapes the proxy reads (https://www.jsonrpc.org/specification). Loose objects: the
 * proxy must pass through whatever else a chain puts in a message, it only looks at these fields.
 */
export const JsonRpcIdSchema = z.union([z.string(), z.number(), z.null()]);
export type JsonRpcId = z.infer<typeof JsonRpcIdSchema>;

export const JsonRpcRequestSchema = z.looseObject({
  id: JsonRpcIdSchema.optional(),
  method: z.string(),
  params: z.unknown().optional(),
});
export type JsonRpcRequest = z.infer<typeof JsonRpcRequestSchema>;

export const JsonRpcErrorObjectSchema = z.looseObject({
  code: z.number(),
  message: z.string(),
  data: z.unknown().optional(),
});

export const JsonRpcResponseSchema = z.looseObject({
  id: JsonRpcIdSchema.optional(),
  result: z.unknown().optional(),
  error: JsonRpcErrorObjectSchema.optional(),
});
export type JsonRpcResponse = z.infer<typeof JsonRpcResponseSchema>;

export function jsonRpcResult(id: JsonRpcId | undefined, result: unknown): JsonRpcResponse {
  return { jsonrpc: '2.0', id: id ?? null, result };
}

export function jsonRpcError(id: JsonRpcId | undefined, code: number, message: string): JsonRpcResponse {
  return { jsonrpc: '2.0', id: id ?? null, error: { code, message } };
}

/** `params[index]` when params is an array (every eth_* method uses positional params). */
export function positionalParam(request: JsonRpcRequest, index: number): unknown {
  return Array.isArray(request.params) ? request.params[index] : undefined;
}
