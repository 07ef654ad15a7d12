import type { JsonRpcReply } from './defineFault.ts';
import type { FaultName } from './faultCatalogue.ts';
import { wrongErrorCodes } from './faults/wrongErrorCodes.ts';
import { type FaultContextOf, interceptRequest, rewriteRequest } from './interceptRequest.ts';
import {
  type JsonRpcRequest,
  JsonRpcRequestSchema,
  type JsonRpcResponse,
  JsonRpcResponseSchema,
} from './JsonRpcMessage.ts';
import { observeExchange } from './observeExchange.ts';
import type { ProxyState } from './ProxyState.ts';
import { rewriteResponse } from './rewriteResponse.ts';
import type { UpstreamClient, UpstreamReply } from './UpstreamClient.ts';

export type { JsonRpcReply } from './defineFault.ts';

export interface JsonRpcBodyContext {
  readonly upstream: UpstreamClient;
  readonly state: ProxyState;
  readonly faults: ReadonlySet<FaultName>;
  readonly allowedNamespaces: readonly string[] | undefined;
  /** Methods answered -32601 whatever their namespace. @default [] */
  readonly deniedMethods?: readonly string[];
  /** Each fault's context on this proxy (createFaultContexts). */
  readonly contextOf: FaultContextOf;
}

/**
 * Answers one HTTP request body: a single request, a batch (JSON-RPC 2.0 §6), or anything else.
 * Bodies that are not a request or a non-empty batch (malformed JSON, `[]`, `42`) go to the chain
 * verbatim so its own error behaviour shows (API-02); only wrong-error-codes touches the answer.
 * When no fault changes anything, the chain's bytes are returned unchanged.
 */
export async function handleJsonRpcBody(body: Buffer, context: JsonRpcBodyContext): Promise<JsonRpcReply> {
  const parsed = parseJson(body.toString('utf8'));
  if (Array.isArray(parsed) && parsed.length > 0) return handleBatch(body, parsed, context);
  const single = Array.isArray(parsed) ? undefined : JsonRpcRequestSchema.safeParse(parsed);
  if (single?.success) return handleSingle(body, single.data, context);
  return passThrough(await context.upstream.forward(body), context);
}

async function handleSingle(
  body: Buffer,
  request: JsonRpcRequest,
  context: JsonRpcBodyContext,
): Promise<JsonRpcReply> {
  const local = await interceptRequest(
    request,
    context.faults,
    context.contextOf,
    context.allowedNamespaces,
    context.deniedMethods,
  );
  if (local) {
    observeExchange(context.state, request, local, false);
    return finish(200, local, undefined, context);
  }
  const sent = rewriteRequest(request, context.faults, context.contextOf);
  const reply = await context.upstream.forward(sent === request ? body : JSON.stringify(sent));
  const value = parseJson(reply.text);
  const response = Array.isArray(value) ? undefined : JsonRpcResponseSchema.safeParse(value);
  if (!response?.success) return passThrough(reply, context);
  const rewritten = await applyFaults(request, response.data, context);
  return finish(reply.status, rewritten, rewritten === response.data ? reply.text : undefined, context);
}

interface BatchSlot {
  readonly request?: JsonRpcRequest;
  readonly local?: JsonRpcResponse;
}

async function handleBatch(
  body: Buffer,
  elements: unknown[],
  context: JsonRpcBodyContext,
): Promise<JsonRpcReply> {
  const slots = await Promise.all(
    elements.map(async (element): Promise<BatchSlot> => {
      const parsed = JsonRpcRequestSchema.safeParse(element);
      if (!parsed.success) return {};
      const local = await interceptRequest(
        parsed.data,
        context.faults,
        context.contextOf,
        context.allowedNamespaces,
        context.deniedMethods,
      );
      return local ? { request: parsed.data, local } : { request: parsed.data };
    }),
  );
  let rewrote = false;
  const forwarded = elements.flatMap((element, index) => {
    const slot = slots[index];
    if (slot?.local !== undefined) return [];
    if (slot?.request === undefined) return [element];
    const sent = rewriteRequest(slot.request, context.faults, context.contextOf);
    rewrote ||= sent !== slot.request;
    return [sent];
  });
  let status = 200;
  let upstreamResponses: unknown[] = [];
  let verbatim: string | undefined;
  if (forwarded.length > 0) {
    // Unchanged batches go as the exact bytes received; otherwise the remaining requests, still as a batch.
    const everything = forwarded.length === elements.length && !rewrote;
    const reply = await context.upstream.forward(everything ? body : JSON.stringify(forwarded));
    const value = parseJson(reply.text);
    // Only notifications went on and the chain answered nothing (anvil: HTTP 204): the members
    // answered here still go back (found by PROP-07: they were dropped with the empty body).
    const nothingForLocals = reply.text.trim() === '' && slots.some((slot) => slot.local !== undefined);
    if (!Array.isArray(value) && !nothingForLocals) return passThrough(reply, context);
    if (Array.isArray(value)) {
      status = reply.status;
      upstreamResponses = value;
      if (everything) verbatim = reply.text;
    }
  }
  // Batch answers may come in any order (JSON-RPC 2.0 §6): match them to requests by id.
  const byId = new Map<string, unknown[]>();
  for (const response of upstreamResponses) {
    const key = idKey(response);
    if (key !== undefined) byId.set(key, [...(byId.get(key) ?? []), response]);
  }
  const answered = new Set<unknown>();
  const out: unknown[] = [];
  let changed = false;
  for (const slot of slots) {
    if (slot.request !== undefined && slot.local !== undefined) {
      observeExchange(context.state, slot.request, slot.local, false);
      out.push(slot.local);
      changed = true;
      continue;
    }
    if (slot.request?.id === undefined) continue; // invalid entries and notifications: appended below
    const upstreamResponse = byId.get(JSON.stringify(slot.request.id))?.shift();
    if (upstreamResponse === undefined) continue;
    answered.add(upstreamResponse);
    const response = JsonRpcResponseSchema.safeParse(upstreamResponse);
    const rewritten = response.success ? await applyFaults(slot.request, response.data, context) : undefined;
    changed ||= rewritten !== undefined && rewritten !== response.data;
    out.push(rewritten !== undefined && rewritten !== response.data ? rewritten : upstreamResponse);
  }
  for (const response of upstreamResponses) if (!answered.has(response)) out.push(response);
  return changed
    ? finish(status, out, undefined, context)
    : finish(status, upstreamResponses, verbatim, context);
}

/** Fetches what the faults need from the chain, rewrites the answer, then records the exchange. */
async function applyFaults(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  context: JsonRpcBodyContext,
): Promise<JsonRpcResponse> {
  const { faults, state, upstream } = context;
  if (
    request.method === 'eth_sendRawTransaction' &&
    response.error !== undefined &&
    state.upstreamChainId === undefined &&
    faults.size > 0
  ) {
    // Faults about rejected raw transactions compare chain ids (wrong-chain-id-accepted and others).
    const chainId = await upstream.call('eth_chainId', []);
    if (typeof chainId === 'string') state.upstreamChainId = Number(BigInt(chainId));
  }
  const rewritten = await rewriteResponse(request, response, faults, context.contextOf);
  observeExchange(state, request, response, true);
  return rewritten;
}

/** The chain's answer as it is, except for wrong-error-codes when it is JSON. */
function passThrough(reply: UpstreamReply, context: JsonRpcBodyContext): JsonRpcReply {
  const value = parseJson(reply.text);
  return value === undefined
    ? { status: reply.status, body: reply.text }
    : finish(reply.status, value, reply.text, context);
}

/** Applies the whole-body fault and serialises; `verbatim` is used when nothing changed the value. */
function finish(
  status: number,
  value: unknown,
  verbatim: string | undefined,
  context: JsonRpcBodyContext,
): JsonRpcReply {
  const final = context.faults.has('wrong-error-codes') ? wrongErrorCodes(value) : value;
  return { status, body: final === value && verbatim !== undefined ? verbatim : JSON.stringify(final) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function idKey(response: unknown): string | undefined {
  if (typeof response !== 'object' || response === null || !('id' in response)) return undefined;
  return JSON.stringify(response.id);
}
