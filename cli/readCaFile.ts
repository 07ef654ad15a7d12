import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ConfigError } from '#core/errors/ConfigError.ts';

/** Reads `--ca-file` and refuses anything that is not a PEM certificate, before it is trusted. */
export async function readCaFile(path: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `cannot read --ca-file "${path}" (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}); pass the PEM certificate of the CA that signed the target's certificate`,
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ConfigError(
      // A fix named too (bad-input corpus, "--ca-file of garbage").
      `--ca-file "${path}" holds no PEM certificate ("-----BEGIN CERTIFICATE-----" is missing); pass the PEM certificate of the CA that signed the target's certificate`,
    );
  }
  try {
    new X509Certificate(pem);
  } catch (error) {
    throw new ConfigError(
      `--ca-file "${path}" holds a PEM block that is not a valid certificate (${error instanceof Error ? error.message : String(error)}); export the CA certificate again`,
    );
  }
  return pem;
}
