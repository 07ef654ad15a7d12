import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** The node telemetry PERF-07 reads, each with the answer the JSON-RPC API specifies. */
export const SyncTelemetryMethodSchema = z.enum(['eth_syncing', 'net_peerCount', 'net_listening']);
export type SyncTelemetryMethod = z.infer<typeof SyncTelemetryMethodSchema>;

/** PERF-07: which telemetry every endpoint must serve. */
export const syncTelemetryMethods = defineParameter({
  name: 'syncTelemetryMethods',
  schema: z.array(SyncTelemetryMethodSchema).min(1),
  description:
    'Telemetry every endpoint must serve with a well-typed answer: eth_syncing (sync state), net_peerCount (peers), ' +
    'net_listening (the node accepts peers).',
});
