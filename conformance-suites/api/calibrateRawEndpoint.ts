import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { describeExchange, jsonOf, postRawHttp } from './postRawHttp.ts';

/** Whether raw HTTP probes reach the node the adapter talks to, and why not. */
export type RawEndpointCalibration =
  | { readonly usable: true; readonly endpoint: string }
  | { readonly usable: false; readonly endpoint: string; readonly reason: string; readonly answer: unknown };

/**
 * Raw probes go to the endpoint as recorded in the target fingerprint (`info.endpoint`), which has
 * credentials and key-like path segments removed (core/security/redactUrl.ts) so none can leak into
 * a report. Before judging anything sent that way, one well-formed eth_chainId must come back with
 * the chain id the adapter saw; otherwise the probes would judge some other answer (an auth wall, a
 * 404 for the redacted path) and the check skips them with this reason.
 */
export async function calibrateRawEndpoint(adapter: ChainAdapter): Promise<RawEndpointCalibration> {
  const endpoint = adapter.info.endpoint;
  const exchange = await postRawHttp(
    endpoint,
    JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    { caCertPem: adapter.caCertPem },
  );
  const answer = jsonOf(exchange) as { result?: unknown } | undefined;
  const expected = `0x${BigInt(adapter.info.chainId).toString(16)}`;
  if (typeof answer?.result === 'string' && BigInt(answer.result) === BigInt(adapter.info.chainId))
    return { usable: true, endpoint };
  return {
    usable: false,
    endpoint,
    reason: `raw HTTP probes go to ${endpoint} (the endpoint with any credentials removed), and a plain eth_chainId there did not answer ${expected}; an endpoint that needs credentials in its URL cannot be probed this way`,
    answer: describeExchange(exchange),
  };
}
