import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { DsseEnvelopeSchema } from '#reports/seal/DsseEnvelopeSchema.ts';
import { SealStatementSchema, sealedReportFileName } from '#reports/seal/SealStatementSchema.ts';
import { verifySealedReport } from '#reports/seal/verifySealedReport.ts';
import { envelopeFileName } from '#reports/seal/writeEnvelopeFile.ts';
import type { CliIo } from '../CliIo.ts';
import { loadTrustedKeys } from '../loadTrustedKeys.ts';
import { parseFlags } from '../parseFlags.ts';

export const verifyHelp = `Usage: chaineval verify <report.json | report.dsse.json> [--public-key <file>]...

Checks a sealed report: the envelope's signature (DSSE, over an in-toto statement) with a trusted
key, then the report's SHA-256 (of its RFC 8785 canonical form) against the digest the statement
signs. Given either file, it reads the other from the same folder. Says which key signed.

Flags:
  --public-key <file>    a trusted public key (PEM); repeatable. Default: the keys in .chaineval/keys/
  -h, --help             this help

Exit codes: 0 valid · 1 not valid (one line: digest mismatch, bad signature, unknown key,
malformed envelope) or bad input.
`;

/** Reports are a few MB at most; a far bigger file is not one (and is not read whole). */
const maxFileBytes = 64 * 1024 * 1024;

/** `chaineval verify`: is this report the one that was sealed, and who sealed it? */
export async function verifyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('verify', argv, {
    'public-key': { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(verifyHelp);
    return 0;
  }
  const [given, ...rest] = positionals;
  if (given === undefined) {
    throw new ConfigError('verify needs a file: chaineval verify reports/out/<runId>/report.dsse.json');
  }
  if (rest.length > 0) throw new ConfigError(`verify takes one file (got also "${rest[0]?.slice(0, 60)}")`);
  const givenText = await readBounded(given);
  const isEnvelope = given.endsWith('.dsse.json') || looksLikeEnvelope(givenText);
  const envelopePath = isEnvelope ? given : join(dirname(given), envelopeFileName);
  const envelopeText = isEnvelope
    ? givenText
    : await readBounded(envelopePath, `${basename(given)} has no seal beside it`);
  const reportPath = join(dirname(envelopePath), subjectName(envelopeText));
  const reportText = isEnvelope ? await readBounded(reportPath, 'the sealed report is missing') : givenText;
  const keys = await loadTrustedKeys(values['public-key'] ?? []);
  const result = verifySealedReport(envelopeText, reportText, keys);
  if (!result.ok) {
    io.error(`${reportPath}: NOT VALID: ${result.message}`);
    return 1;
  }
  const p = result.statement.predicate;
  io.out(
    `valid: ${reportPath} is report ${p.runId} as sealed (sha256 ${result.digest})\n` +
      `signed by key ${result.key.keyId} (${result.key.algorithm}, ${result.key.source})\n` +
      `profile ${p.profile.id}@${p.profile.version}, chaineval ${p.harness.version}, verdict ${p.verdict}, target ${p.target.fingerprint}\n` +
      (p.previous === null
        ? 'chain: the first sealed report of this target'
        : `chain: follows report ${p.previous.reportId} (sha256 ${p.previous.digest.sha256})`),
  );
  return 0;
}

async function readBounded(path: string, missing = 'no such file'): Promise<string> {
  try {
    const text = await readFile(path, 'utf8');
    if (text.length > maxFileBytes) throw new ConfigError(`${path} is too large to be a report or a seal`);
    return text;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `cannot read ${path} (${code === 'ENOENT' ? missing : (code ?? 'unreadable')}); pass a report.json or report.dsse.json that "chaineval evaluate" wrote`,
    );
  }
}

function looksLikeEnvelope(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && 'payloadType' in value;
  } catch {
    return false;
  }
}

/**
 * The subject's file name, read (unverified) only to find the report beside the envelope; it must be
 * a plain name in the same folder. Verification proper happens in verifySealedReport.
 */
function subjectName(envelopeText: string): string {
  try {
    const envelope = DsseEnvelopeSchema.parse(JSON.parse(envelopeText));
    const statement = SealStatementSchema.parse(
      JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')),
    );
    const name = statement.subject[0]?.name ?? sealedReportFileName;
    return /^[A-Za-z0-9._-]+$/.test(name) && name !== '..' ? name : sealedReportFileName;
  } catch {
    return sealedReportFileName;
  }
}
