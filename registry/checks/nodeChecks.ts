import { cryptoHashFunctionUsed } from '#conformance/crypto/cryptoHashFunctionUsed.ts';
import { consensusCrashTolerance } from '#conformance/operations/consensusCrashTolerance.ts';
import { govSoftwareHeterogeneity } from '#conformance/operations/govSoftwareHeterogeneity.ts';
import { opsRestartKeepsHistory } from '#conformance/operations/opsRestartKeepsHistory.ts';
import type { AnyCheck } from '#core/checks/defineCheck.ts';

/**
 * The node checks added for the full profile (issue 7), in the order reports list them: what the
 * nodes themselves use and run (hash function, implementations) and fault experiments on them.
 */
export const nodeChecks: readonly AnyCheck[] = [
  cryptoHashFunctionUsed,
  govSoftwareHeterogeneity,
  opsRestartKeepsHistory,
  consensusCrashTolerance,
];
