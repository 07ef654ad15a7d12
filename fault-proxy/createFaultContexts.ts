import type { FaultContext } from './defineFault.ts';
import type { FaultName } from './faultCatalogue.ts';
import type { FaultContextOf } from './interceptRequest.ts';
import type { ProxyState } from './ProxyState.ts';
import type { UpstreamClient } from './UpstreamClient.ts';

/** One context per fault for one proxy: shared observations and chain, a private memory each. */
export function createFaultContexts(state: ProxyState, upstream: UpstreamClient): FaultContextOf {
  const memories = new Map<FaultName, unknown>();
  const contexts = new Map<FaultName, FaultContext>();
  return (fault) => {
    let context = contexts.get(fault);
    if (context === undefined) {
      context = {
        state,
        upstream,
        memory<T>(init: () => T): T {
          if (!memories.has(fault)) memories.set(fault, init());
          return memories.get(fault) as T;
        },
      };
      contexts.set(fault, context);
    }
    return context;
  };
}
