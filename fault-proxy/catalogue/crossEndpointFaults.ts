import { defineFault, type FaultDefinition } from '../defineFault.ts';
import { lostUpdate, lostUpdateNeedsHead } from '../faults/lostUpdate.ts';
import { quantity } from '../faults/nodeDivergentStateRoot.ts';
import { jsonRpcResult } from '../JsonRpcMessage.ts';

/** Faults for the cross-endpoint history check, PROP-08 (append new ones at the end; never rename). */
export const crossEndpointFaults = [
  defineFault({
    name: 'lost-update',
    description:
      'one node of the network answers eth_getBalance and eth_getTransactionCount for block N (or latest/pending = its head N) with the state at block N - 1, while reporting and serving block N: the newest block’s transaction is missing from its state',
    appliesTo: 'second-endpoint',
    async intercept(request, { upstream }) {
      let head: bigint | undefined;
      if (lostUpdateNeedsHead(request)) {
        const answer = await upstream.call('eth_blockNumber', []);
        head = typeof answer === 'string' ? quantity(answer) : undefined;
      }
      const stale = lostUpdate(request, head);
      if (stale === undefined) return undefined;
      const result = await upstream.call(stale.method, stale.params as unknown[]);
      return result === undefined ? undefined : jsonRpcResult(request.id, result);
    },
  }),
] as const satisfies readonly FaultDefinition[];
