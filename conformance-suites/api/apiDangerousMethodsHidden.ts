import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import { classifyExposure } from './classifyExposure.ts';

/**
 * The single argument every method is probed with. A non-integer negative number is the wrong JSON
 * type for every parameter these methods take (hex strings, addresses, hashes, integers, booleans,
 * objects, plain strings), so a served method rejects it instead of acting. A string would not be
 * inert: geth's miner_setExtra(string) would set the block extra-data, and file-taking debug_/admin_
 * methods would write files.
 */
export const inertProbeParams: readonly unknown[] = [-1.5];

/** Cap on each recorded answer: the endpoint is untrusted and evidence must stay small. */
const maxAnswerChars = 500;

/**
 * API-01 — JR/T 0184-2020 16.8: interfaces have permission management; node-administration and
 * state-rewriting methods must not be callable by an unauthenticated client.
 *
 * Comparison policy (classifyExposure): hidden = -32601, HTTP 401/403 or an explicit authorisation
 * refusal; anything else, including -32602 "invalid params", counts as exposed. Bare anvil fails
 * (debug_*, anvil_*, hardhat_* are served), which is the honest verdict for a dev chain; a gateway
 * that only forwards eth/net/web3 passes. Fault-proxy fault: `admin-namespace-exposed`.
 */
export const apiDangerousMethodsHidden: CheckDefinition = {
  id: 'api-dangerous-methods-hidden',
  catalogueId: 'API-01',
  kind: 'conformance',
  title: { zh: '危险接口方法不对外暴露', en: 'Dangerous RPC methods are not exposed' },
  clauseIds: ['0184-16.8'],
  requires: ['rpc.jsonrpc'],
  description:
    'Calls each method in the dangerousRpcMethods parameter without credentials, with one argument of the ' +
    'wrong type so nothing executes. Passes when every method answers -32601 method not found, HTTP 401/403 ' +
    'or an explicit authorisation refusal.',
  failsWhen:
    'Any probed method answers with a result or with any other error (it is served). Shown by the fault-proxy ' +
    'fault "admin-namespace-exposed"; bare dev chains (anvil, Hardhat) also fail.',
  async run({ adapter, params }) {
    // `requires` guarantees the raw RPC API (ChainAdapter: optional parts match capabilities).
    const rpc = adapter.rpc!;
    const probes: { method: string; exposed: boolean; reason: string; answer: string }[] = [];
    for (const method of params.dangerousRpcMethods) {
      const outcome = await rpc.request(method, inertProbeParams);
      probes.push({
        method,
        ...classifyExposure(outcome),
        answer: JSON.stringify(outcome).slice(0, maxAnswerChars),
      });
    }
    const exposed = probes.filter((p) => p.exposed);
    const expected = 'every probed method: -32601, HTTP 401/403 or an authorisation refusal';
    const evidence = { probeParams: inertProbeParams, probes };
    if (exposed.length === 0) {
      return {
        status: 'pass',
        summary: `none of ${probes.length} dangerous methods is reachable unauthenticated`,
        expected,
        actual: { exposed: [] },
        evidence,
      };
    }
    return {
      status: 'fail',
      summary: `${exposed.length} of ${probes.length} dangerous methods exposed: ${exposed.map((p) => p.method).join(', ')}`,
      expected,
      actual: { exposed: exposed.map((p) => ({ method: p.method, reason: p.reason })) },
      evidence,
    };
  },
};
