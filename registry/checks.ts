import { apiDangerousMethodsHidden } from '#conformance/api/apiDangerousMethodsHidden.ts';
import { apiJsonRpcErrorCodes } from '#conformance/api/apiJsonRpcErrorCodes.ts';
import { contractRevertAtomic } from '#conformance/contracts/contractRevertAtomic.ts';
import { cryptoDeclaredSuite } from '#conformance/crypto/cryptoDeclaredSuite.ts';
import { ledgerHeaderHashRecomputes } from '#conformance/ledger/ledgerHeaderHashRecomputes.ts';
import { ledgerParentHashLinks } from '#conformance/ledger/ledgerParentHashLinks.ts';
import { ledgerTransactionsRootRecomputes } from '#conformance/ledger/ledgerTransactionsRootRecomputes.ts';
import { netRpcTls } from '#conformance/network/netRpcTls.ts';
import { txFailedLeavesReceipt } from '#conformance/transactions/txFailedLeavesReceipt.ts';
import { txRawReplayRejected } from '#conformance/transactions/txRawReplayRejected.ts';
import { txTamperedRejected } from '#conformance/transactions/txTamperedRejected.ts';
import { txWrongChainIdRejected } from '#conformance/transactions/txWrongChainIdRejected.ts';
import type { AnyCheck } from '#core/checks/defineCheck.ts';
import { propertyTransferModel } from '#property/transfers/propertyTransferModel.ts';
import { apiChecks } from './checks/apiChecks.ts';
import { contractChecks } from './checks/contractChecks.ts';
import { governanceChecks } from './checks/governanceChecks.ts';
import { ledgerChecks } from './checks/ledgerChecks.ts';
import { nodeChecks } from './checks/nodeChecks.ts';
import { propertyChecks } from './checks/propertyChecks.ts';
import { transactionChecks } from './checks/transactionChecks.ts';

/**
 * Every conformance and property check chaineval has: the first ones one line each, then each
 * area's list (registry/checks/<area>Checks.ts). Profiles choose and order
 * them (profiles/<id>/profile.json); registry.test.ts enforces what each must have.
 */
export const checks: readonly AnyCheck[] = [
  txRawReplayRejected,
  txWrongChainIdRejected,
  txTamperedRejected,
  txFailedLeavesReceipt,
  contractRevertAtomic,
  ledgerParentHashLinks,
  ledgerHeaderHashRecomputes,
  ledgerTransactionsRootRecomputes,
  apiDangerousMethodsHidden,
  apiJsonRpcErrorCodes,
  netRpcTls,
  cryptoDeclaredSuite,
  propertyTransferModel,
  ...ledgerChecks,
  ...transactionChecks,
  ...contractChecks,
  ...governanceChecks,
  ...apiChecks,
  ...nodeChecks,
  ...propertyChecks,
];
