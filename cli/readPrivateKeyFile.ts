import { readFile } from 'node:fs/promises';
import type { Hex } from 'viem';
import { ConfigError } from '#core/errors/ConfigError.ts';

/**
 * Reads the funded account's key from a file (never from a flag, so it stays out of shell history
 * and process lists). The key's content is never echoed in errors.
 */
export async function readPrivateKeyFile(path: string): Promise<Hex> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `cannot read private key file "${path}" (${code === 'ENOENT' ? 'no such file' : code}); pass --private-key-file <file> holding the 0x-prefixed key of a funded account`,
    );
  }
  const key = text.trim();
  const normalized = key.startsWith('0x') ? key : `0x${key}`;
  if (!/^0x[0-9a-fA-F]{64}$/.test(normalized)) {
    throw new ConfigError(
      `private key file "${path}" does not hold a 32-byte hex key (expected 64 hex digits, optionally 0x-prefixed, on one line; found ${key.length} characters)`,
    );
  }
  return normalized.toLowerCase() as Hex;
}
