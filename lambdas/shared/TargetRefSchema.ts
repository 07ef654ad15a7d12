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

/**
 * The secret holding the target's URL (runTargetUrlSecretName: the API stores one per run); a name,
 * not an ARN, like keySecretId.
 */
export const TargetUrlSecretIdSchema = z
  .string()
  .min(1)
  .max(512)
  .regex(
    /^[A-Za-z0-9/_+=.@-]+$/,
    'targetUrlSecretId must be a Secrets Manager secret name such as chaineval/targets/runs/<runId>/target-url',
  );

/** The target's JSON-RPC URL; the private-address guard runs on it before any request (connectTarget). */
export const TargetUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'the target URL must be an http(s) URL',
});

/**
 * How a cloud run refers to its target: which secret holds its URL and which its funded key. Neither
 * the key nor the URL (which may carry an API token in its user info, path or query) ever travels in
 * a state payload (DESIGN.md "Security posture"): each step reads both from Secrets Manager
 * (fetchTargetUrl, fetchTargetKey). Passed between states as one object, so the optional
 * `cryptoSuite` needs no JSONPath of its own.
 */
export const TargetRefSchema = z.object({
  urlSecretId: TargetUrlSecretIdSchema,
  keySecretId: KeySecretIdSchema,
  /** What the target declares; @default - the adapter's default for its family */
  cryptoSuite: CryptoSuiteSchema.optional(),
});
export type TargetRef = z.output<typeof TargetRefSchema>;
