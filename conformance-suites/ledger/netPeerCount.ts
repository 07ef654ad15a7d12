import { defineCheck } from '#core/checks/defineCheck.ts';
import { createRpcLog, rpcEvidence } from './evm/createRpcReader.ts';
import { methodUnavailable } from './evm/methodUnavailable.ts';
import { networkReaders } from './evm/networkReaders.ts';
import { QuantityShape } from './evm/rpcShapes.ts';
import { minPeers } from './minPeers.ts';

/**
 * NET-01 — JR/T 0184-2020 7.4: every node connects to at least two other nodes (no central node, no
 * single point of failure); JR/T 0193-2020 §6.4 (node communication: peers).
 *
 * Comparison policy: net_peerCount on every endpoint must be a hex quantity (a malformed answer fails,
 * naming it) of at least minPeers. An endpoint that does not serve net_peerCount (-32601 and kin)
 * cannot show its peers: the check is skipped with that answer unless another endpoint already fails
 * (PERF-07 judges the missing telemetry). Passing only because minPeers is below the profile's stated
 * requirement gives a waiver, never a plain pass. A single dev node, with no peers, truly fails.
 */
export const netPeerCount = defineCheck({
  id: 'net-peer-count',
  catalogueId: 'NET-01',
  kind: 'conformance',
  title: { zh: '每个节点至少连接两个对等节点', en: 'Each node has at least two peers' },
  requires: ['rpc.jsonrpc'],
  parameters: [minPeers],
  faults: ['peer-count-malformed'],
  description:
    'Asks every endpoint of the network for net_peerCount. Passes when each answers a well-formed hex quantity of at ' +
    'least minPeers; an endpoint that does not serve the method makes the check inconclusive (skip), not failed.',
  failsWhen:
    'An endpoint reports fewer than minPeers peers, answers net_peerCount with something other than a hex quantity, or ' +
    'with an error other than "method not available".',
  async run({ network, params, requirements }) {
    const log = createRpcLog();
    const readers = networkReaders(network, log);
    const counts: { endpoint: string; peers: string | null; note?: string }[] = [];
    const problems: string[] = [];
    const unobservable: string[] = [];
    for (const reader of readers) {
      const outcome = await reader.request('net_peerCount', []);
      const unavailable = methodUnavailable(outcome);
      if (unavailable !== undefined) {
        unobservable.push(`${reader.label} does not serve net_peerCount (${unavailable})`);
        counts.push({ endpoint: reader.label, peers: null, note: `not served: ${unavailable}` });
        continue;
      }
      if (outcome.kind !== 'result') {
        const what =
          outcome.kind === 'error'
            ? `error ${outcome.error.code} "${outcome.error.message}"`
            : `HTTP ${outcome.httpStatus}`;
        problems.push(`${reader.label} answers net_peerCount with ${what}`);
        counts.push({ endpoint: reader.label, peers: null, note: what });
        continue;
      }
      const parsed = QuantityShape.safeParse(outcome.result);
      if (!parsed.success) {
        problems.push(
          `${reader.label} answers net_peerCount with ${JSON.stringify(outcome.result)?.slice(0, 60)}, not a hex quantity (ethereum JSON-RPC: QUANTITY)`,
        );
        counts.push({ endpoint: reader.label, peers: null, note: 'malformed' });
        continue;
      }
      counts.push({ endpoint: reader.label, peers: parsed.data.toString() });
      if (parsed.data < BigInt(params.minPeers))
        problems.push(`${reader.label} has ${parsed.data} peer(s), fewer than ${params.minPeers}`);
    }
    const evidence = { minPeers: params.minPeers, endpoints: counts, ...rpcEvidence(log) };
    const expected = `net_peerCount >= ${params.minPeers} on every endpoint`;
    if (problems.length > 0)
      return {
        status: 'fail',
        summary: `not every node has ${params.minPeers} peers: ${problems.slice(0, 2).join('; ')}`,
        expected,
        actual: counts,
        evidence,
      };
    if (unobservable.length > 0)
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: `peer connectivity cannot be observed: ${unobservable.join('; ')}`,
        expected,
        actual: counts,
        evidence,
      };
    const required = requirements.minPeers;
    const fewest = counts.reduce(
      (min, c) => (c.peers !== null && BigInt(c.peers) < min ? BigInt(c.peers) : min),
      BigInt(Number.MAX_SAFE_INTEGER),
    );
    const waived = required !== undefined && fewest < BigInt(required);
    return {
      status: 'pass',
      summary: `every one of ${readers.length} endpoint(s) has at least ${params.minPeers} peers (fewest ${fewest})`,
      expected,
      actual: counts,
      evidence,
      ...(waived
        ? {
            waiver: {
              parameter: 'minPeers',
              value: params.minPeers,
              requirement: required,
              note: `a node with ${fewest} peer(s) passed only because minPeers is ${params.minPeers}; JR/T 0184-2020 7.4 asks for ${required}`,
            },
          }
        : {}),
    };
  },
});
