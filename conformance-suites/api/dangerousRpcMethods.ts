import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/**
 * API-01: methods probed unauthenticated, with arguments that make them do nothing. Exposure of any
 * is a failure (JR/T 0184-2020 16.8). Node-admin namespaces from the catalogue plus dev-chain cheat
 * codes, which let anyone mint funds or rewrite state.
 */
export const dangerousRpcMethods = defineParameter({
  name: 'dangerousRpcMethods',
  schema: z.array(z.string().regex(/^[a-z0-9]+_[A-Za-z0-9]+$/, 'method names look like admin_peers')).min(1),
  description: 'JSON-RPC methods that must not be callable without authorisation (a JSON list of names).',
});
