import type { TxBudget } from '#core/adapter/ChainAdapter.ts';
import type { LoadWorkloadKind } from './prepareLoadWorkload.ts';
import { loadTransferAmount } from './presignTransfers.ts';

/**
 * What one sender of a load shard spends on `perSender` transactions of the workload: transfers that
 * move 1 unit each, or contract calls plus the one deployment the shard's first sender makes.
 */
export function loadBudget(workload: LoadWorkloadKind, perSender: number): TxBudget {
  return workload === 'contract-write'
    ? [
        { kind: 'deploy', count: 1 },
        { kind: 'call', count: perSender },
      ]
    : [{ kind: 'transfer', count: perSender, value: BigInt(perSender) * loadTransferAmount }];
}
