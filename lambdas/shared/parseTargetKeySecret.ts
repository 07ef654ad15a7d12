import type { Hex } from '#core/adapter/ChainAdapter.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';

const keyPattern = /^0x[0-9a-fA-F]{64}$/;

/**
 * The funded key from a Secrets Manager secret string: either the bare `0x…` key or JSON
 * `{"privateKey":"0x…"}` (the console's key/value form). Error messages never contain the value.
 */
export function parseTargetKeySecret(secretString: string, secretId: string): Hex {
  const text = secretString.trim();
  if (keyPattern.test(text)) return text as Hex;
  let candidate: unknown;
  try {
    candidate = (JSON.parse(text) as { privateKey?: unknown } | null)?.privateKey;
  } catch {
    candidate = undefined;
  }
  if (typeof candidate === 'string' && keyPattern.test(candidate.trim())) return candidate.trim() as Hex;
  throw new ConfigError(`secret "${secretId}" does not hold a target private key`, {
    details:
      'Store either the 0x-prefixed 32-byte hex key itself or JSON {"privateKey":"0x…"} as the secret string.',
  });
}
