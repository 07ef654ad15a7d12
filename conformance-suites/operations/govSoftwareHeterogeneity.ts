import { defineCheck } from '#core/checks/defineCheck.ts';
import { implementationOf } from './implementationOf.ts';
import { minImplementations } from './minImplementations.ts';

/**
 * GOV-05 — JR/T 0184-2020 17.3.1.6: deployment, hardware and software heterogeneity, with at least
 * three node implementations, so one implementation's bug cannot take the whole network down or
 * fork it alone. Asked of each endpoint of the network (`--target` repeated).
 *
 * Comparison policy (implementationOf): each endpoint's web3_clientVersion names an implementation
 * (first "/"-separated token, versions ignored); an endpoint that does not answer it, or names
 * nothing, counts for none and is named. Pass when the distinct implementations are at least
 * minImplementations; a pass only because minImplementations is below the profile's requirement
 * carries a waiver. One endpoint can only show one implementation, so a single node fails the
 * default requirement: that is the honest verdict, not an error.
 */
export const govSoftwareHeterogeneity = defineCheck({
  id: 'gov-software-heterogeneity',
  catalogueId: 'GOV-05',
  kind: 'conformance',
  title: { zh: '节点软件实现的异构性', en: 'The network runs several node implementations' },
  requires: ['rpc.jsonrpc'],
  parameters: [minImplementations],
  faults: ['client-version-missing'],
  description:
    'Asks web3_clientVersion of every endpoint of the network and counts the distinct node implementations it names ' +
    '(anvil, geth, besu, hardhat, …; versions of one implementation count once). Passes when there are at least ' +
    'minImplementations.',
  failsWhen:
    'Fewer distinct implementations than minImplementations answer (a single endpoint, or endpoints all running one ' +
    'implementation), counting endpoints that do not answer web3_clientVersion or name nothing as none.',
  async run({ network, params, requirements }) {
    const endpoints = [];
    for (const [index, endpoint] of network.entries()) {
      const outcome = await endpoint.rpc.request('web3_clientVersion', []);
      const answer = outcome.kind === 'result' ? outcome.result : undefined;
      endpoints.push({
        index,
        endpoint: endpoint.info.endpoint,
        clientVersion: JSON.stringify(outcome.kind === 'result' ? outcome.result : outcome).slice(0, 200),
        implementation: implementationOf(answer) ?? null,
      });
    }
    const implementations = [
      ...new Set(endpoints.flatMap((e) => (e.implementation === null ? [] : [e.implementation]))),
    ];
    const unidentified = endpoints.filter((e) => e.implementation === null);
    const evidence = { endpoints, implementations, minImplementations: params.minImplementations };
    const expected = `at least ${params.minImplementations} distinct node implementations`;
    const actual = { implementations, unidentifiedEndpoints: unidentified.map((e) => e.index) };
    const unidentifiedNote =
      unidentified.length === 0
        ? ''
        : `; ${unidentified.length} endpoint(s) name no implementation (${unidentified.map((e) => `${e.index}: ${e.clientVersion}`).join(', ')})`;
    if (implementations.length < params.minImplementations) {
      return {
        status: 'fail',
        summary: `${implementations.length} distinct implementation(s) across ${endpoints.length} endpoint(s)${implementations.length > 0 ? ` (${implementations.join(', ')})` : ''}, at least ${params.minImplementations} required${unidentifiedNote}`,
        expected,
        actual,
        evidence,
      };
    }
    const required = requirements.minImplementations;
    const relaxed = required !== undefined && implementations.length < required;
    return {
      status: 'pass',
      summary: `${implementations.length} distinct implementations across ${endpoints.length} endpoint(s): ${implementations.join(', ')}${relaxed ? `, enough only because minImplementations is ${params.minImplementations}, below the ${required} required` : ''}${unidentifiedNote}`,
      expected,
      actual,
      evidence,
      ...(relaxed
        ? {
            waiver: {
              parameter: 'minImplementations',
              value: params.minImplementations,
              requirement: required,
              note: `the network runs ${implementations.length} node implementation(s); JR/T 0184-2020 17.3.1.6 asks for ${required}`,
            },
          }
        : {}),
    };
  },
});
