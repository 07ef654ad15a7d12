import { z } from 'zod';
import { CryptoSuiteSchema } from '../adapter/TargetInfo.ts';

/**
 * Thresholds the standards leave to the deployer (JR/T 0184 says "specified time", "acceptable",
 * "low latency"; shared/reference/standards.md §2.3), with the defaults a run uses unless the
 * operator overrides them. Every value used by a check is recorded in the report.
 */
export const ProfileParametersSchema = z.object({
  /** LED-01..03: how many of the most recent blocks are verified. */
  ledgerSampleBlocks: z.number().int().min(2).max(10_000).default(32),
  /** How long a check waits for a receipt before it gives up (inconclusive or fail, per check). */
  receiptTimeoutMs: z.number().int().min(100).max(600_000).default(15_000),
  /** NET-05: JR/T 0184 7.8 requires data in transit to be encrypted. */
  requireTls: z.boolean().default(true),
  /** CR-01: suites the deployment accepts; JR/T 0184 8.1 names the SM series (国密). */
  allowedCryptoSuites: z.array(CryptoSuiteSchema).min(1).default(['sm2-sm3']),
  /**
   * API-01: methods probed unauthenticated, with arguments that make them do nothing. Exposure of
   * any is a failure (JR/T 0184 16.8). Node-admin namespaces from the catalogue plus dev-chain cheat
   * codes, which let anyone mint funds or rewrite state.
   */
  dangerousRpcMethods: z
    .array(z.string().regex(/^[a-z0-9]+_[A-Za-z0-9]+$/))
    .min(1)
    .default([
      'admin_nodeInfo',
      'admin_peers',
      'personal_listAccounts',
      'personal_unlockAccount',
      'debug_traceTransaction',
      'miner_setExtra',
      'anvil_setBalance',
      'hardhat_setBalance',
      'evm_setAccountBalance',
    ]),
  propertyNumRuns: z.number().int().min(1).max(1_000).default(4),
  propertyMaxCommands: z.number().int().min(1).max(200).default(8),
  /** Fixed seed for replay; @default - a fresh seed, recorded in the report */
  propertySeed: z.number().int().optional(),
  loadRateTps: z.number().positive().max(100_000).default(50),
  loadDurationS: z.number().positive().max(3_600).default(10),
  /** How long after the last send the run waits for stragglers before counting them lost. */
  loadDrainS: z.number().positive().max(600).default(10),
  /**
   * PERF-01: committed TPS the deployment requires. JR/T 0193 publishes no figure, so by default
   * none is required and TPS is reported only; keeping up with the offered load is judged by the
   * success rate. (A ratio to the offered rate was tried and rejected: the window runs to the last
   * inclusion, so one block interval of tail fails a chain that committed everything on time.)
   * @default - no absolute target
   */
  loadTpsTarget: z.number().positive().optional(),
  /** PERF-01: CAICT stress test pass mark (committed / sent). */
  loadSuccessRateMin: z.number().min(0).max(1).default(0.95),
  /** PERF-02: p95 of intended-send → inclusion latency. */
  loadLatencyP95MaxMs: z.number().positive().default(5_000),
  /** Weighted score (0–100) at or above which a run with no failing mandatory clause conforms. */
  passScore: z.number().min(0).max(100).default(80),
});
export type ProfileParameters = z.infer<typeof ProfileParametersSchema>;
export type ProfileParametersInput = z.input<typeof ProfileParametersSchema>;
