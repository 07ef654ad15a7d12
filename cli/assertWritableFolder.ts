import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '#core/errors/ConfigError.ts';

/**
 * Creates `dir` if needed and proves it writable by writing and removing a probe file, so a run never
 * finds out at its end that its report cannot be written.
 */
export async function assertWritableFolder(dir: string, what: string, fix: string): Promise<void> {
  const probe = join(dir, `.chaineval-write-probe-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unwritable';
    throw new ConfigError(`${what} "${dir}" is not a writable folder (${code}); ${fix}`);
  }
}
