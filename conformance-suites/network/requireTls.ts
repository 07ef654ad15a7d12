import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** NET-05: JR/T 0184-2020 7.8 requires data in transit to be encrypted. */
export const requireTls = defineParameter({
  name: 'requireTls',
  schema: z.boolean(),
  description:
    'Whether the RPC endpoint must speak verified TLS. false waives the transport-encryption clause (shown as 豁免 waived, never as a pass).',
});
