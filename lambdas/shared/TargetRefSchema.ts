import { z } from 'zod';
import { CryptoSuiteSchema } from '#core/adapter/TargetInfo.ts';

/** A Secrets Manager secret *name* (its allowed characters); ARNs are refused so the prefix check holds. */
export const KeySecretIdSchema = z
  .string()
  .min(1)
  .max(512)
  .regex(
    /^[A-Za-z0-9/_+=.@-]+$/,
    'keySecretId must be a Secrets Manager secret name such as chaineval/targets/my-chain',
  );

/** The target's JSON-RPC URL; the private-address guard runs on it before any request (connectTarget). */
export const TargetUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'the target URL must be an http(s) URL',
});

/**
 * How a cloud run refers to its target: where it is, and which secret holds the funded key. The key
 * itself never travels in a state payload (DESIGN.md "Security posture"). Passed between states as
 * one object, so the optional `cryptoSuite` needs no JSONPath of its own.
 */
export const TargetRefSchema = z.object({
  url: TargetUrlSchema,
  keySecretId: KeySecretIdSchema,
  /** What the target declares; @default - the adapter's default for its family */
  cryptoSuite: CryptoSuiteSchema.optional(),
});
export type TargetRef = z.output<typeof TargetRefSchema>;
