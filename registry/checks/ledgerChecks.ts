import { consensusFinalityLatency } from '#conformance/ledger/consensusFinalityLatency.ts';
import { ledgerFinalityNoReorg } from '#conformance/ledger/ledgerFinalityNoReorg.ts';
import { ledgerGasUsedConsistent } from '#conformance/ledger/ledgerGasUsedConsistent.ts';
import { ledgerGrowthRate } from '#conformance/ledger/ledgerGrowthRate.ts';
import { ledgerHistoryComplete } from '#conformance/ledger/ledgerHistoryComplete.ts';
import { ledgerLogsBloomRecomputes } from '#conformance/ledger/ledgerLogsBloomRecomputes.ts';
import { ledgerLookupsAgree } from '#conformance/ledger/ledgerLookupsAgree.ts';
import { ledgerNodesAgree } from '#conformance/ledger/ledgerNodesAgree.ts';
import { ledgerReceiptsRootRecomputes } from '#conformance/ledger/ledgerReceiptsRootRecomputes.ts';
import { ledgerStateProofVerifies } from '#conformance/ledger/ledgerStateProofVerifies.ts';
import { ledgerTimestampsSane } from '#conformance/ledger/ledgerTimestampsSane.ts';
import { ledgerTxVisibleOnAllNodes } from '#conformance/ledger/ledgerTxVisibleOnAllNodes.ts';
import { netPeerCount } from '#conformance/ledger/netPeerCount.ts';
import { nodeSyncTelemetry } from '#conformance/ledger/nodeSyncTelemetry.ts';
import type { AnyCheck } from '#core/checks/defineCheck.ts';

/** The ledger checks added for the full profile (issue 7), in the order reports list them. */
export const ledgerChecks: readonly AnyCheck[] = [
  ledgerNodesAgree,
  ledgerTxVisibleOnAllNodes,
  ledgerHistoryComplete,
  ledgerStateProofVerifies,
  ledgerFinalityNoReorg,
  ledgerTimestampsSane,
  ledgerGrowthRate,
  ledgerLookupsAgree,
  ledgerReceiptsRootRecomputes,
  ledgerLogsBloomRecomputes,
  ledgerGasUsedConsistent,
  consensusFinalityLatency,
  netPeerCount,
  nodeSyncTelemetry,
];
