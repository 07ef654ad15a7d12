import { z } from 'zod';

/** Signature + hash pair a chain declares, e.g. `secp256k1-keccak256`, `sm2-sm3`. */
export const CryptoSuiteSchema = z.enum(['secp256k1-keccak256', 'sm2-sm3', 'p256-sha256', 'ed25519-sha256']);
export type CryptoSuite = z.infer<typeof CryptoSuiteSchema>;

/**
 * The target fingerprint recorded in every report (DESIGN.md "Reports"). Chain-neutral: `family`
 * is open (`evm` today; `fisco-bcos`, `chainmaker`, `fabric` … as adapters arrive), the chain id is
 * a string (EVM numbers, FISCO group ids and ChainMaker chain names all fit).
 */
export const TargetInfoSchema = z.object({
  family: z.string().regex(/^[a-z0-9-]+$/),
  /** Endpoint URL with any credentials removed. */
  endpoint: z.string(),
  chainId: z.string().min(1),
  /** FISCO group, Fabric channel, Hyperchain namespace …; absent where the chain has no such scope. */
  ledgerScope: z.string().optional(),
  clientVersion: z.string(),
  genesisHash: z.string(),
  /** The suite the target declares; CR-01 checks it against the profile and against the ledger. */
  cryptoSuite: CryptoSuiteSchema,
  /** True when chaineval started the chain itself (embedded anvil). */
  embedded: z.boolean(),
});
export type TargetInfo = z.infer<typeof TargetInfoSchema>;
