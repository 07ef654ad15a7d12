import { txBalanceAccounting } from '#conformance/transactions/txBalanceAccounting.ts';
import { txGasLimitEnforced } from '#conformance/transactions/txGasLimitEnforced.ts';
import { txLookupConsistent } from '#conformance/transactions/txLookupConsistent.ts';
import { txNonceAccounting } from '#conformance/transactions/txNonceAccounting.ts';
import { txNonceGapHeld } from '#conformance/transactions/txNonceGapHeld.ts';
import { txNoRepeatedSignatureNonce } from '#conformance/transactions/txNoRepeatedSignatureNonce.ts';
import { txSenderPresent } from '#conformance/transactions/txSenderPresent.ts';
import { txSignatureBindsSender } from '#conformance/transactions/txSignatureBindsSender.ts';
import type { AnyCheck } from '#core/checks/defineCheck.ts';

/** The transaction checks added for the full profile (issue 7), in the order reports list them. */
export const transactionChecks: readonly AnyCheck[] = [
  txSignatureBindsSender,
  txNoRepeatedSignatureNonce,
  txNonceGapHeld,
  txSenderPresent,
  txLookupConsistent,
  txNonceAccounting,
  txBalanceAccounting,
  txGasLimitEnforced,
];
