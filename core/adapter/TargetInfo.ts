import { z } from 'zod';

/** Signature + hash pair a chain declares, e.g. `secp256k1-keccak256`, `sm2-sm3`. */
export const CryptoSuiteSchema = z.enum(['secp256k1-keccak256', 'sm2-sm3', 'p256-sha256', 'ed25519-sha256']);
export type CryptoSuite = z.infer<typeof CryptoSuiteSchema>;

/** The target fingerprint recorded in every report (DESIGN.md "Reports"). */
export const TargetInfoSchema = z.object({
  family: z.literal('evm'),
  /** Endpoint URL with any credentials removed. */
  endpoint: z.string(),
  chainId: z.number().int().nonnegative(),
  clientVersion: z.string(),
  genesisHash: z.string(),
  /** The suite the target declares; CR-01 checks it against the profile and against the ledger. */
  cryptoSuite: CryptoSuiteSchema,
  /** True when chaineval started the chain itself (embedded anvil). */
  embedded: z.boolean(),
});
export type TargetInfo = z.infer<typeof TargetInfoSchema>;
