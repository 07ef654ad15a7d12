import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { generateSigningKey, KeyAlgorithmSchema } from '#reports/seal/generateSigningKey.ts';
import type { CliIo } from '../CliIo.ts';
import { defaultSigningKeyPath } from '../loadReportSigner.ts';
import { parseFlags } from '../parseFlags.ts';

export const keysHelp = `Usage: chaineval keys generate [--out <file>] [--algorithm ed25519|p256|sm2]

Creates a key for sealing reports: writes the private key (PEM PKCS#8, mode 0600, never
overwriting a file) and prints its public key and key id (sha256 of the public key's DER).
Give the public key to whoever verifies your reports: chaineval verify <report> --public-key <file>.

Flags:
  --out <file>           where to write the private key (default .chaineval/keys/report-signing-key.pem,
                         the key chaineval evaluate signs with)
  --algorithm <name>     ed25519 (default), p256 (ECDSA P-256) or sm2 (SM2 with SM3, GB/T 32918)
  -h, --help             this help
`;

/** `chaineval keys generate`: a new report-signing key. */
export async function keysCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('keys', argv, {
    out: { type: 'string' },
    algorithm: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const [sub, ...rest] = positionals;
  if (values.help || sub === undefined) {
    io.out(keysHelp);
    return values.help ? 0 : 1;
  }
  if (sub !== 'generate')
    throw new ConfigError(`keys: unknown subcommand "${sub.slice(0, 40)}"; use "keys generate"`);
  if (rest.length > 0) throw new ConfigError(`keys generate: unexpected argument "${rest[0]?.slice(0, 40)}"`);
  const algorithm = KeyAlgorithmSchema.safeParse(values.algorithm ?? 'ed25519');
  if (!algorithm.success) {
    throw new ConfigError(
      `--algorithm must be one of ${KeyAlgorithmSchema.options.join(', ')} (got "${values.algorithm?.slice(0, 40)}")`,
    );
  }
  const out = values.out ?? defaultSigningKeyPath();
  const key = generateSigningKey(algorithm.data);
  try {
    await mkdir(dirname(out), { recursive: true, mode: 0o700 });
    await writeFile(out, key.privateKeyPem, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      code === 'EEXIST'
        ? `${out} exists; a signing key is never overwritten: pass --out <new file>, or remove the old key if you mean to retire it`
        : `cannot write ${out} (${code ?? 'error'}); pass --out <file> in a folder you can write to`,
    );
  }
  io.progress(`wrote the private key ${out} (mode 0600); keep it secret`);
  io.out(`key id ${key.keyId} (${algorithm.data})\n${key.publicKeyPem.trimEnd()}`);
  return 0;
}
