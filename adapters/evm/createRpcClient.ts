import { z } from 'zod';
import type { RawRpcApi, RpcOutcome } from '#core/adapter/ChainAdapter.ts';
import { NotAChainEndpointError, RpcCallError } from '#core/errors/TargetError.ts';
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
  /** The endpoint as it may be shown (credentials removed). */
  readonly endpoint: string;
  /** Calls `method` and returns its result; a JSON-RPC or HTTP error is an RpcCallError. */
  call(method: string, params: readonly unknown[]): Promise<unknown>;
}

/** What to do when the endpoint is not a JSON-RPC node (bad-input corpus: every refusal names a fix). */
const urlFix = "check that the URL is the node's JSON-RPC endpoint";

/** JSON-RPC 2.0 over a bounded transport; every answer is parsed as untrusted input. */
export function createRpcClient(transport: JsonRpcTransport): RpcClient {
  const { endpoint } = transport;
  let nextId = 1;

  function interpret(status: number, body: string): RpcOutcome {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      if (status < 200 || status >= 300)
        return { kind: 'http-error', httpStatus: status, body: body.slice(0, 500) };
      throw new NotAChainEndpointError(
        `${endpoint} is not a JSON-RPC endpoint: it answered HTTP ${status} with a body that is not JSON; ${urlFix}`,
        { endpoint },
      );
    }
    const parsed = RpcResponseSchema.safeParse(Array.isArray(json) ? json[0] : json);
    if (!parsed.success) {
      if (status < 200 || status >= 300)
        return { kind: 'http-error', httpStatus: status, body: body.slice(0, 500) };
      throw new NotAChainEndpointError(
        `${endpoint} is not a JSON-RPC endpoint: its answer is JSON but not a JSON-RPC 2.0 response; ${urlFix}`,
        { endpoint },
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
    endpoint,
    request,
    async requestOnce(method, params) {
      const id = nextId++;
      const { status, body } = await transport.postOnce(
        JSON.stringify({ jsonrpc: '2.0', id, method, params }),
      );
      return interpret(status, body);
    },
    async sendBody(body: string) {
      const exchange = await transport.post(body);
      return interpret(exchange.status, exchange.body);
    },
    async call(method, params) {
      const outcome = await request(method, params);
      if (outcome.kind === 'result') return outcome.result;
      if (outcome.kind === 'error') {
        throw new RpcCallError(
          `${method} failed on ${endpoint}: ${outcome.error.code} ${outcome.error.message}`,
          {
            method,
            code: outcome.error.code,
            httpStatus: outcome.httpStatus,
            endpoint,
          },
        );
      }
      // A redirect could carry signed transactions to another host, so it is not followed; say so
      // rather than print a bare "HTTP 302" (bad-input corpus, "redirect").
      const redirect =
        outcome.httpStatus >= 300 && outcome.httpStatus < 400
          ? ' (a redirect, which chaineval does not follow)'
          : '';
      throw new RpcCallError(`${method} failed on ${endpoint}: HTTP ${outcome.httpStatus}${redirect}`, {
        method,
        code: undefined,
        httpStatus: outcome.httpStatus,
        endpoint,
      });
    },
  };
}
