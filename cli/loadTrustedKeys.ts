import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ChainevalError } from '#core/errors/ChainevalError.ts';
import { createLocalKeySigner } from '#reports/seal/createLocalKeySigner.ts';
import { createVerifyingKey } from '#reports/seal/createVerifyingKey.ts';
import { pemDer, requirePemDer } from '#reports/seal/pemDer.ts';
import type { VerifyingKey } from '#reports/seal/Signer.ts';
import { localKeysDir } from './loadReportSigner.ts';
import { readKeyFile } from './readKeyFile.ts';

const usage = 'pass --public-key <file> with a PEM public key ("chaineval keys generate" prints it)';

/**
 * The keys `chaineval verify` trusts: the --public-key files when given (only those), otherwise the
 * public halves of the local keys in .chaineval/keys/ (the keys this machine seals with). A key
 * file that cannot be read as a key is an error with its name, never silently skipped.
 */
export async function loadTrustedKeys(publicKeyFiles: readonly string[]): Promise<VerifyingKey[]> {
  if (publicKeyFiles.length > 0) {
    const keys: VerifyingKey[] = [];
    for (const file of publicKeyFiles) {
      const pem = await readKeyFile(file, '--public-key', usage);
      // A private key file is accepted too: its public half is what is trusted.
      const der = pemDer(pem, 'PUBLIC KEY');
      keys.push(
        der === undefined
          ? publicOf(createLocalKeySigner(pem, file).publicKeyPem, file)
          : createVerifyingKey(der, file),
      );
    }
    return keys;
  }
  const dir = localKeysDir();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.pem')).sort();
  } catch {
    return [];
  }
  const keys: VerifyingKey[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      const pem = await readKeyFile(file, 'key file', usage);
      const der = pemDer(pem, 'PUBLIC KEY');
      keys.push(
        der === undefined
          ? publicOf(createLocalKeySigner(pem, file).publicKeyPem, file)
          : createVerifyingKey(der, file),
      );
    } catch (error) {
      if (error instanceof ChainevalError)
        throw new ChainevalError(`${error.shortMessage} (a key in ${dir})`);
      throw error;
    }
  }
  return keys;
}

function publicOf(publicKeyPem: string, source: string): VerifyingKey {
  return createVerifyingKey(requirePemDer(publicKeyPem, 'PUBLIC KEY', source), source);
}
