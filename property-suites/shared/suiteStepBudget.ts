import type { TxBudget } from '#core/adapter/ChainAdapter.ts';

/**
 * What a suite costs its step account: one funding transfer per suite account carrying what that
 * account spends (`perAccount`, priced by the adapter when the step is funded).
 */
export function suiteStepBudget(accountCount: number, perAccount: TxBudget): TxBudget {
  return [
    ...perAccount.map((item) => ({
      kind: item.kind,
      count: item.count * accountCount,
      value: (item.value ?? 0n) * BigInt(accountCount),
    })),
    { kind: 'transfer', count: accountCount },
  ];
}
