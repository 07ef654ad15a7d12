import { defineCheck } from '#core/checks/defineCheck.ts';
import { classifyExposure } from './classifyExposure.ts';
import { dangerousRpcMethods } from './dangerousRpcMethods.ts';
import { probeNodeSigning } from './probeNodeSigning.ts';

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
 * state-rewriting methods must not be callable by an unauthenticated client, and the node must not
 * sign for one.
 *
 * Comparison policy (classifyExposure): hidden = the method is not provided (-32601, -32004 or an
 * answer saying so), HTTP 401/403/404/405, or an explicit refusal; anything else, -32602 "invalid
 * params" above all, counts as served. Signing (probeNodeSigning): eth_sign of a harmless message and
 * a zero-gas eth_sendTransaction from each listed account and the harness's own must be refused.
 * Bare dev chains fail (they serve cheat codes and sign for their dev accounts), which is the honest
 * verdict; a gateway that forwards only public read and raw-send methods passes.
 */
export const apiDangerousMethodsHidden = defineCheck({
  id: 'api-dangerous-methods-hidden',
  catalogueId: 'API-01',
  kind: 'conformance',
  title: { zh: '危险接口方法不对外暴露', en: 'Dangerous RPC methods are not exposed' },
  requires: ['rpc.jsonrpc'],
  parameters: [dangerousRpcMethods],
  faults: ['admin-namespace-exposed'],
  description:
    'Calls each method in dangerousRpcMethods without credentials, with one argument of the wrong type so ' +
    'nothing executes, then asks whether the node signs for anyone: eth_sign of a harmless message and a ' +
    "zero-gas eth_sendTransaction (never executable) from each account eth_accounts lists and from the harness's " +
    'own. Passes when every method is not provided or refused and no probe is signed.',
  failsWhen:
    'Any probed method answers with a result or an error other than "not provided" or a refusal (it is served), ' +
    'or the node signs a message or accepts a send for an account on behalf of an unauthenticated caller.',
  async run({ adapter, params }) {
    const probes: { method: string; exposed: boolean; reason: string; answer: string }[] = [];
    for (const method of params.dangerousRpcMethods) {
      const outcome = await adapter.rpc.request(method, inertProbeParams);
      probes.push({
        method,
        ...classifyExposure(outcome),
        answer: JSON.stringify(outcome).slice(0, maxAnswerChars),
      });
    }
    const signing = await probeNodeSigning(adapter.rpc, adapter.identities?.primary.address);
    const exposed = probes.filter((p) => p.exposed);
    const expected = {
      methods: 'every probed method not provided, or refused (HTTP 401/403, authorisation error)',
      signing: 'no signature or send on behalf of an unauthenticated caller',
    };
    const evidence = { probeParams: inertProbeParams, probes, signing };
    const actual = {
      exposed: exposed.map((p) => ({ method: p.method, reason: p.reason })),
      signsFor: [...new Set(signing.signing.map((p) => p.account))],
    };
    if (exposed.length === 0 && signing.signing.length === 0) {
      return {
        status: 'pass',
        summary: `none of ${probes.length} dangerous methods is reachable unauthenticated, and the node signs for nobody`,
        expected,
        actual,
        evidence,
      };
    }
    const problems: string[] = [];
    if (exposed.length > 0) {
      problems.push(
        `${exposed.length} of ${probes.length} dangerous methods exposed: ${exposed.map((p) => p.method).join(', ')}`,
      );
    }
    if (actual.signsFor.length > 0) {
      problems.push(
        `the node signs for an unauthenticated caller with ${actual.signsFor.length} account(s) (${[...new Set(signing.signing.map((p) => p.method))].join(', ')}): ${actual.signsFor.join(', ')}`,
      );
    }
    return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
  },
});
