import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { type K6CorpusItem, K6CorpusItemSchema, type K6TransferManifest } from './K6ExportManifestSchema.ts';

/**
 * The corpus of an export, checked against its manifest's digest: the import reads receipts for
 * exactly the transactions the script sent, not for a corpus of another export or an edited one.
 */
export async function readExportCorpus(path: string, manifest: K6TransferManifest): Promise<K6CorpusItem[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(
      `cannot read the corpus ${path} (${code}); pass --corpus <export dir>/${manifest.corpus.file}`,
    );
  }
  const digest = createHash('sha256').update(text).digest('hex');
  if (digest !== manifest.corpus.sha256) {
    throw new ConfigError(
      `${path} is not the corpus of export ${manifest.runId} (sha256 ${digest.slice(0, 12)}…, the manifest says ${manifest.corpus.sha256.slice(0, 12)}…); pass that export's ${manifest.corpus.file}`,
    );
  }
  const parsed = z.array(K6CorpusItemSchema).safeParse(JSON.parse(text));
  if (!parsed.success || parsed.data.length !== manifest.transactions) {
    throw new ConfigError(
      `${path} does not hold the ${manifest.transactions} corpus items of export ${manifest.runId}`,
    );
  }
  return parsed.data;
}
