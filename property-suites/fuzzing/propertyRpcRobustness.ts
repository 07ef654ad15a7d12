import { defineCheck } from '#core/checks/defineCheck.ts';
import { rpcFuzzParameters } from './rpcFuzzParameters.ts';
import { runRpcFuzzProperty } from './runRpcFuzzProperty.ts';

/**
 * PROP-07 — JR/T 0184-2020 11.7 (availability: resists malformed packets, clients answered in normal
 * time) and 7.7 (interfaces well defined), under random malformed JSON-RPC. Where API-05 sends six
 * fixed probes, this generates hundreds of small ones and shrinks a failure to the smallest body.
 * Comparison policy: judgeFuzzAnswer.ts. Skipped when the recorded endpoint does not take raw requests.
 */
export const propertyRpcRobustness = defineCheck({
  id: 'property-rpc-robustness',
  catalogueId: 'PROP-07',
  kind: 'property',
  title: {
    zh: '畸形 JSON-RPC 请求均得到规范应答且节点保持可用',
    en: 'Malformed JSON-RPC requests get well-formed answers; the node stays up and fast',
  },
  requires: ['rpc.jsonrpc'],
  // One body has stopped each of anvil 1.7.1 (eth_feeHistory with a huge block count), Hardhat 2.29.1
  // and ganache 7.9.2 (null): it runs last in the run, after the load.
  disruptive: true,
  parameters: rpcFuzzParameters,
  faults: ['malformed-request-crashes', 'error-code-nonstandard', 'malformed-request-html-500'],
  description:
    'Sends rpcFuzzMaxRequests random malformed JSON-RPC bodies (each ≤ rpcFuzzMaxBodyBytes) as raw HTTP POSTs: read-only ' +
    'methods with wrong parameter types, bad hex (odd length, non-hex, no 0x, leading zeros), huge, negative and ' +
    'fractional numbers and oversize strings; unknown chainevalfuzz_* methods; invalid ids and jsonrpc members; mixed, ' +
    'empty and nested batches; JSON values that are no request (null too, unless rpcFuzzKnownCrashers is false); invalid ' +
    'JSON text. Each answer must be a JSON-RPC 2.0 response (an array of them for a batch) with exactly one of result ' +
    'and error, an integer error code in -32700, -32600..-32603, -32000..-32099 (EIP-1474) or 3 (execution reverted), ' +
    'and the request’s id (null allowed when the request could not be read as valid). Accepted and recorded: HTTP 4xx ' +
    'with any body for text that is not JSON, HTTP 413, `[]` or no answer for batches and notifications (API-04 ' +
    'judges batch semantics), one whole-batch error, an absent id where null is due, an echoed invalid id, and ' +
    'results to malformed parameters (API-06 judges leniency). After the burst eth_blockNumber and eth_chainId must ' +
    'answer correctly within malformedRequestRecoveryMs, and the median eth_blockNumber latency stay within ' +
    'rpcFuzzLatencyFactor × before + 100 ms (inconclusive when the samples scatter).',
  failsWhen:
    'A malformed request gets no answer (reset, hang), an HTML or other non-JSON body with HTTP 2xx/5xx, a redirect, ' +
    'a response without jsonrpc "2.0", with both or neither of result and error, a non-standard error code, a wrong ' +
    'or invented id, an id answered twice or an id-bearing batch entry left unanswered; or the node stops answering ' +
    'or answers much slower after the burst. fast-check shrinks the body and the report records it for replay.',
  run: (ctx) => runRpcFuzzProperty(ctx),
});
