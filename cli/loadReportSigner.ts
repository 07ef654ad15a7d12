import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { createLocalKeySigner } from '#reports/seal/createLocalKeySigner.ts';
import { generateSigningKey } from '#reports/seal/generateSigningKey.ts';
import type { Signer } from '#reports/seal/Signer.ts';
import { readKeyFile } from './readKeyFile.ts';

/** Folder of the local report-signing keys; `chaineval verify` trusts the keys found here. */
export const localKeysDir = (): string => join(process.cwd(), '.chaineval', 'keys');
/** The key `chaineval evaluate` signs with when --signing-key is not given. */
export const defaultSigningKeyPath = (): string => join(localKeysDir(), 'report-signing-key.pem');

const usage = 'pass --signing-key <file> with a PEM key from "chaineval keys generate"';

/**
 * The signer of sealed reports: the --signing-key file, or the default local key, created (Ed25519,
 * mode 0600) on first use with one progress line saying so. The key is written whole to a temporary
 * file and linked into place (link fails if the name exists), so two runs starting at once end up
 * with the same complete key, never two and never a half-written one.
 */
export async function loadReportSigner(
  signingKeyPath: string | undefined,
  progress: (line: string) => void,
): Promise<Signer> {
  if (signingKeyPath !== undefined) {
    return createLocalKeySigner(await readKeyFile(signingKeyPath, '--signing-key', usage), signingKeyPath);
  }
  const path = defaultSigningKeyPath();
  const key = generateSigningKey('ed25519');
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(temporary, key.privateKeyPem, { flag: 'wx', mode: 0o600 });
    await link(temporary, path);
    progress(
      `created the report signing key ${relative(process.cwd(), path)} (ed25519, key id ${key.keyId}); keep it: "chaineval verify" checks seals against it`,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') {
      throw new ConfigError(`cannot create the report signing key ${path} (${code ?? 'error'}); ${usage}`);
    }
  } finally {
    await rm(temporary, { force: true });
  }
  return createLocalKeySigner(await readKeyFile(path, 'the signing key', usage), path);
}
