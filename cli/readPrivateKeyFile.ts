import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Hex } from 'viem';
import { ConfigError } from '#core/errors/ConfigError.ts';

/** A key file is one line; anything bigger is not one (and is not read whole). */
const maxKeyFileBytes = 1_024;
/** The order n of the secp256k1 group (SEC 2 §2.4.1): a private key is an integer in [1, n − 1]. */
const secp256k1Order = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/**
 * Reads the funded account's key from a file (never from a flag, so it stays out of shell history
 * and process lists). Refuses, with one line that never echoes the key: a path that is not a regular
 * file (a FIFO would block forever), a file too large to be a key, text that is not 32 bytes of hex,
 * and a value outside the secp256k1 key range.
 */
export async function readPrivateKeyFile(path: string): Promise<Hex> {
  const usage = 'pass --private-key-file <file> holding the 0x-prefixed 32-byte hex key of a funded account';
  let text: string;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not hang the CLI.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new ConfigError(`private key file "${path}" is not a regular file; ${usage}`);
      if (stat.size > maxKeyFileBytes) {
        throw new ConfigError(
          `private key file "${path}" is ${stat.size} bytes, too large to hold one key; ${usage}`,
        );
      }
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `cannot read private key file "${path}" (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}); ${usage}`,
    );
  }
  const key = text.trim();
  const normalized = key.startsWith('0x') ? key : `0x${key}`;
  if (!/^0x[0-9a-fA-F]{64}$/.test(normalized)) {
    throw new ConfigError(
      `private key file "${path}" does not hold a 32-byte hex key (expected 64 hex digits, optionally 0x-prefixed, on one line; found ${key.length} characters)`,
    );
  }
  const value = BigInt(normalized);
  if (value === 0n || value >= secp256k1Order) {
    throw new ConfigError(
      `private key file "${path}" holds 32 bytes that are not a valid secp256k1 key (zero, or not below the curve order); ${usage}`,
    );
  }
  return normalized.toLowerCase() as Hex;
}
