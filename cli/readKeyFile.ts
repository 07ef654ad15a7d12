import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { ConfigError } from '#core/errors/ConfigError.ts';

/** A PEM key is a few hundred bytes; anything far bigger is not one (and is not read whole). */
const maxKeyFileBytes = 16 * 1024;

/**
 * Reads a PEM key file named by a flag, refusing with one line (never echoing the content) a path
 * that is missing, not a regular file (a FIFO would block), or too large to be a key.
 */
export async function readKeyFile(path: string, flag: string, usage: string): Promise<string> {
  try {
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new ConfigError(`${flag} "${path}" is not a regular file; ${usage}`);
      if (stat.size > maxKeyFileBytes) {
        throw new ConfigError(`${flag} "${path}" is ${stat.size} bytes, too large to be a PEM key; ${usage}`);
      }
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `cannot read ${flag} "${path}" (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}); ${usage}`,
    );
  }
}
