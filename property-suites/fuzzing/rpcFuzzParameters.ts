import { malformedRequestRecoveryMs } from '#conformance/api/malformedRequestRecoveryMs.ts';
import type { CheckContext } from '#core/checks/defineCheck.ts';
import { propertySeed } from '../propertySeed.ts';
import { propertyTimeBudgetMs } from '../propertyTimeBudgetMs.ts';
import { rpcFuzzKnownCrashers } from './rpcFuzzKnownCrashers.ts';
import { rpcFuzzLatencyFactor } from './rpcFuzzLatencyFactor.ts';
import { rpcFuzzMaxBodyBytes } from './rpcFuzzMaxBodyBytes.ts';
import { rpcFuzzMaxRequests } from './rpcFuzzMaxRequests.ts';

/** What PROP-07 reads: its burst, the shared seed and time budget, and API-05's recovery bound. */
export const rpcFuzzParameters = [
  rpcFuzzMaxRequests,
  rpcFuzzMaxBodyBytes,
  rpcFuzzLatencyFactor,
  rpcFuzzKnownCrashers,
  propertySeed,
  propertyTimeBudgetMs,
  malformedRequestRecoveryMs,
] as const;

export type RpcFuzzContext = CheckContext<'rpc.jsonrpc', typeof rpcFuzzParameters>;
