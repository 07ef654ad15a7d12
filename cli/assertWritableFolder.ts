import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '#core/errors/ConfigError.ts';

/**
 * Creates `dir` if needed and proves it writable by writing and removing a probe file, so a run never
 * finds out at its end that its report cannot be written.
 */
export async function assertWritableFolder(dir: string, what: string, fix: string): Promise<void> {
  const probe = join(dir, `.chaineval-write-probe-${randomBytes(4).toString('hex')}`);
  try {
    await makeFolders(resolve(dir));
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unwritable';
    throw new ConfigError(`${what} "${dir}" is not a writable folder (${code}); ${fix}`);
  }
}

/**
 * mkdir -p, one level at a time. Not `mkdir(dir, { recursive: true })`: on Node 20 that never
 * returns for a path under /proc (bad-input corpus, "--out /proc/x"), where mkdir answers ENOENT
 * although the parent exists, and Node retries forever.
 */
async function makeFolders(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await stat(dir)).isDirectory()) return;
      throw error;
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    await makeFolders(parent);
    // The parent exists now; a second ENOENT (as under /proc) is final.
    await mkdir(dir).catch(async (again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST' || !(await stat(dir)).isDirectory()) throw again;
    });
  }
}
