import { z } from 'zod';
import type { RawRpcApi, RpcOutcome } from '#core/adapter/ChainAdapter.ts';
import { NotAChainEndpointError, TargetError } from '#core/errors/TargetError.ts';
import type { JsonRpcTransport } from './createJsonRpcTransport.ts';

const RpcErrorSchema = z.object({
  code: z.number().int(),
  message: z.string(),
  data: z.unknown().optional(),
});
const RpcResponseSchema = z.union([
  z.object({ jsonrpc: z.literal('2.0'), id: z.unknown(), error: RpcErrorSchema }),
  z.object({ jsonrpc: z.literal('2.0'), id: z.unknown(), result: z.unknown() }),
]);

export interface RpcClient extends RawRpcApi {
  readonly url: string;
  /** Calls `method` and returns its result; a JSON-RPC error or an unusable answer is a TargetError. */
  call(method: string, params: readonly unknown[]): Promise<unknown>;
}

/** JSON-RPC 2.0 over a bounded transport; every answer is parsed as untrusted input. */
export function createRpcClient(url: string, transport: JsonRpcTransport): RpcClient {
  let nextId = 1;

  function interpret(status: number, body: string): RpcOutcome {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      if (status < 200 || status >= 300)
        return { kind: 'http-error', httpStatus: status, body: body.slice(0, 500) };
      throw new NotAChainEndpointError(
        `${url} is not an EVM JSON-RPC endpoint: it answered HTTP ${status} with a non-JSON body (${JSON.stringify(body.slice(0, 60))})`,
      );
    }
    const parsed = RpcResponseSchema.safeParse(Array.isArray(json) ? json[0] : json);
    if (!parsed.success) {
      if (status < 200 || status >= 300)
        return { kind: 'http-error', httpStatus: status, body: body.slice(0, 500) };
      throw new NotAChainEndpointError(
        `${url} is not an EVM JSON-RPC endpoint: its answer is JSON but not a JSON-RPC 2.0 response (${JSON.stringify(body.slice(0, 60))})`,
      );
    }
    return 'error' in parsed.data
      ? { kind: 'error', error: parsed.data.error, httpStatus: status }
      : { kind: 'result', result: parsed.data.result, httpStatus: status };
  }

  async function request(method: string, params: readonly unknown[]): Promise<RpcOutcome> {
    const id = nextId++;
    const { status, body } = await transport.post(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    return interpret(status, body);
  }

  return {
    url,
    request,
    async sendBody(body: string) {
      const exchange = await transport.post(body);
      return interpret(exchange.status, exchange.body);
    },
    async call(method, params) {
      const outcome = await request(method, params);
      if (outcome.kind === 'result') return outcome.result;
      if (outcome.kind === 'error') {
        throw new TargetError(`${method} failed on ${url}: ${outcome.error.code} ${outcome.error.message}`);
      }
      throw new TargetError(`${method} failed on ${url}: HTTP ${outcome.httpStatus}`);
    },
  };
}
