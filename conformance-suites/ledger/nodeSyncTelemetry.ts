import { z } from 'zod';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { createRpcLog, type RpcReader, rpcEvidence } from './evm/createRpcReader.ts';
import { methodUnavailable } from './evm/methodUnavailable.ts';
import { networkReaders } from './evm/networkReaders.ts';
import { QuantityShape } from './evm/rpcShapes.ts';
import { type SyncTelemetryMethod, syncTelemetryMethods } from './syncTelemetryMethods.ts';

/** eth_syncing: `false`, or the progress object (ethereum/execution-apis SyncingStatus). */
const SyncingShape = z.union([
  z.literal(false),
  z
    .looseObject({ startingBlock: QuantityShape, currentBlock: QuantityShape, highestBlock: QuantityShape })
    .refine((s) => s.currentBlock <= s.highestBlock, {
      message: 'currentBlock must not exceed highestBlock',
      path: ['currentBlock'],
    }),
]);

const shapes = {
  eth_syncing: { shape: SyncingShape, type: 'false or a {startingBlock, currentBlock, highestBlock} object' },
  net_peerCount: { shape: QuantityShape, type: 'a hex quantity' },
  net_listening: { shape: z.boolean(), type: 'a boolean' },
} as const satisfies Record<SyncTelemetryMethod, { shape: z.ZodType; type: string }>;

/**
 * PERF-07 — JR/T 0184-2020 16.3: operations monitor nodes and collect the remote sync peer count,
 * ledger-sync progress and node health. Through the node's own interface that telemetry is
 * eth_syncing, net_peerCount and net_listening.
 *
 * Comparison policy: on every endpoint, each method of syncTelemetryMethods must answer with the type
 * the JSON-RPC API specifies (eth_syncing: false or a progress object with currentBlock <=
 * highestBlock; net_peerCount: a hex quantity; net_listening: a boolean). A method the node does not
 * serve is telemetry the operator cannot collect: fail, as is any error or malformed answer. Passing
 * only because syncTelemetryMethods leaves out methods the profile requires gives a waiver.
 */
export const nodeSyncTelemetry = defineCheck({
  id: 'node-sync-telemetry',
  catalogueId: 'PERF-07',
  kind: 'conformance',
  title: { zh: '节点同步状态与对等节点数可监控', en: 'Sync state, peer count and health are observable' },
  requires: ['rpc.jsonrpc'],
  parameters: [syncTelemetryMethods],
  faults: ['sync-status-unavailable'],
  description:
    'Asks every endpoint of the network for the telemetry in syncTelemetryMethods (eth_syncing, net_peerCount, ' +
    'net_listening) and passes when each answers with the type the JSON-RPC API specifies.',
  failsWhen:
    'An endpoint does not serve one of the methods, answers it with an error, or with a value of the wrong type ' +
    '(eth_syncing true or a malformed progress object, a peer count that is not a hex quantity, a non-boolean listening flag).',
  async run({ network, params, requirements }) {
    const log = createRpcLog();
    const readers = networkReaders(network, log);
    const problems: string[] = [];
    const telemetry: Record<string, Record<string, unknown>> = {};
    for (const reader of readers) {
      telemetry[reader.label] = await readTelemetry(reader, params.syncTelemetryMethods, problems);
    }
    const evidence = { methods: params.syncTelemetryMethods, telemetry, ...rpcEvidence(log) };
    const expected = `${params.syncTelemetryMethods.join(', ')} answered with their specified types on every endpoint`;
    if (problems.length > 0)
      return {
        status: 'fail',
        summary: `node telemetry is not fully available: ${problems.slice(0, 2).join('; ')}`,
        expected,
        actual: telemetry,
        evidence,
      };
    const required = requirements.syncTelemetryMethods ?? [];
    const leftOut = required.filter((m) => !params.syncTelemetryMethods.includes(m));
    return {
      status: 'pass',
      summary: `${readers.length} endpoint(s) report ${params.syncTelemetryMethods.join(', ')} with well-typed answers`,
      expected,
      actual: telemetry,
      evidence,
      ...(leftOut.length > 0
        ? {
            waiver: {
              parameter: 'syncTelemetryMethods',
              value: params.syncTelemetryMethods,
              requirement: required,
              note: `${leftOut.join(', ')} not verified: syncTelemetryMethods leaves it out`,
            },
          }
        : {}),
    };
  },
});

async function readTelemetry(
  reader: RpcReader,
  methods: readonly SyncTelemetryMethod[],
  problems: string[],
): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  for (const method of methods) {
    const outcome = await reader.request(method, []);
    const unavailable = methodUnavailable(outcome);
    if (unavailable !== undefined) {
      problems.push(`${reader.label} does not serve ${method} (${unavailable})`);
      values[method] = `not served: ${unavailable}`;
      continue;
    }
    if (outcome.kind !== 'result') {
      const what =
        outcome.kind === 'error'
          ? `error ${outcome.error.code} "${outcome.error.message}"`
          : `HTTP ${outcome.httpStatus}`;
      problems.push(`${reader.label} answers ${method} with ${what}`);
      values[method] = what;
      continue;
    }
    const { shape, type } = shapes[method];
    const parsed = shape.safeParse(outcome.result);
    values[method] = outcome.result;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(
        `${reader.label} answers ${method} with ${JSON.stringify(outcome.result)?.slice(0, 80)}, not ${type}${issue && issue.path.length > 0 ? ` (${issue.path.join('.')}: ${issue.message})` : ''}`,
      );
    }
  }
  return values;
}
