import { finalityDepth } from '#conformance/ledger/finalityDepth.ts';
import type { ShardContext } from '#core/checks/defineLoadScenario.ts';
import { loadDrainS } from './parameters/loadDrainS.ts';
import { loadDurationS } from './parameters/loadDurationS.ts';
import { loadLatencyP95MaxMs } from './parameters/loadLatencyP95MaxMs.ts';
import { loadMinTransactions } from './parameters/loadMinTransactions.ts';
import { loadRateTps } from './parameters/loadRateTps.ts';
import { loadSuccessRateMin } from './parameters/loadSuccessRateMin.ts';
import { loadTpsTarget } from './parameters/loadTpsTarget.ts';
import { loadWorkload } from './parameters/loadWorkload.ts';

export const transferLoadParameters = [
  loadRateTps,
  loadDurationS,
  loadDrainS,
  loadTpsTarget,
  loadSuccessRateMin,
  loadLatencyP95MaxMs,
  loadMinTransactions,
  loadWorkload,
  // Read for the final latency tier only (informational; the judges read inclusion).
  finalityDepth,
] as const;

export const transferLoadRequires = ['tx.clientSign', 'tx.receipts', 'block.read', 'account.nonce'] as const;

export type TransferShardContext = ShardContext<
  (typeof transferLoadRequires)[number],
  typeof transferLoadParameters
>;
