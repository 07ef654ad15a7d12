import type { JsonRpcRequest, JsonRpcResponse } from './JsonRpcMessage.ts';
import type { ProxyState } from './ProxyState.ts';
import type { UpstreamClient } from './UpstreamClient.ts';

/** What a fault sees besides the message: the proxy's observations, the chain, its own memory. */
export interface FaultContext {
  /** What the proxy has seen of the traffic (the chain's real answers), whether or not faults were on. */
  readonly state: ProxyState;
  /** The chain itself, for facts a fault needs (best effort: `call` gives undefined on failure). */
  readonly upstream: UpstreamClient;
  /**
   * This fault's own memory on this proxy, created by `init` on first use and kept across requests
   * (and across setFaults). Bound what you keep: a load run sends hundreds of thousands of requests.
   */
  memory<T>(init: () => T): T;
}

/** The HTTP answer to one request body. */
export interface JsonRpcReply {
  readonly status: number;
  readonly body: string;
}

/**
 * One fault of the proxy: a realistic vendor defect, reproduced on the wire. Most faults are pure
 * functions of the request and the chain's answer; hooks run in catalogue order.
 */
export interface FaultDefinition<N extends string = string> {
  /** Stable kebab-case name (reports and the selftest matrix refer to it). Never renamed. */
  readonly name: N;
  /** What a client sees under the fault, precisely enough to reproduce it. */
  readonly description: string;
  /**
   * The transport itself is broken (garbage, huge answers): no check is built to fail under it, every
   * check must end `error` (inconclusive), never `pass`. Handled by startFaultProxy.
   */
  readonly transport?: true;
  /**
   * Where a run with several endpoints of one network applies the fault: on every endpoint (the
   * default), or on the second only, for defects that make nodes disagree (cross-node checks).
   */
  readonly appliesTo?: 'every-endpoint' | 'second-endpoint';
  /**
   * Runs before the proxy's namespace allow-list (a gateway that leaks what it should hide). Otherwise
   * `intercept` runs after it, so a hidden method is never answered by a fault.
   */
  readonly beforeAllowList?: true;
  /** Answers a request without asking the chain; undefined to forward it. The first answer wins. */
  readonly intercept?: (
    request: JsonRpcRequest,
    context: FaultContext,
  ) => JsonRpcResponse | undefined | Promise<JsonRpcResponse | undefined>;
  /** Changes the request before it is forwarded (the chain then answers the changed request). */
  readonly rewriteRequest?: (request: JsonRpcRequest, context: FaultContext) => JsonRpcRequest;
  /**
   * Rewrites the chain's answer. Returns `response` itself (same reference) when it does not apply, so
   * the chain's bytes pass through untouched.
   */
  readonly rewrite?: (
    request: JsonRpcRequest,
    response: JsonRpcResponse,
    context: FaultContext,
  ) => JsonRpcResponse | Promise<JsonRpcResponse>;
  /**
   * Answers a whole HTTP body before it is parsed (malformed or oversized requests); undefined to go on.
   * Receives the raw bytes, or undefined when the body exceeded the proxy's bound.
   */
  readonly answerBody?: (
    body: Buffer | undefined,
    context: FaultContext,
  ) => JsonRpcReply | undefined | Promise<JsonRpcReply | undefined>;
}

/** Declares a fault; the name stays a literal type so the catalogue's names are checked at compile time. */
export function defineFault<const N extends string>(definition: FaultDefinition<N>): FaultDefinition<N> {
  return definition;
}
