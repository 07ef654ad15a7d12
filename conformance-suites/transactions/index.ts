import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import { txFailedLeavesReceipt } from './txFailedLeavesReceipt.ts';
import { txRawReplayRejected } from './txRawReplayRejected.ts';
import { txTamperedRejected } from './txTamperedRejected.ts';
import { txWrongChainIdRejected } from './txWrongChainIdRejected.ts';

/** Transaction conformance checks (JR/T 0184-2020 6.3.2, 10.1, 10.7). */
export const transactionChecks: readonly CheckDefinition[] = [
  txRawReplayRejected,
  txWrongChainIdRejected,
  txTamperedRejected,
  txFailedLeavesReceipt,
];
