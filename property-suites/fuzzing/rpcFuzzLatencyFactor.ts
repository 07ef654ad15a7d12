import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/**
 * PROP-07: how much slower the node may answer after the burst than before it (JR/T 0184-2020 11.7:
 * clients are answered in normal time). Compared on medians, with an absolute slack for timer noise.
 */
export const rpcFuzzLatencyFactor = defineParameter({
  name: 'rpcFuzzLatencyFactor',
  schema: z.number().min(1).max(100),
  description:
    'After the malformed burst, the median eth_blockNumber latency may be at most this many times the median before it (plus 100 ms of measurement slack).',
});
