import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DsseEnvelope } from './DsseEnvelopeSchema.ts';
import { envelopeFileText } from './envelopeFileText.ts';

/** The envelope's file beside report.json: what `chaineval verify` takes. */
export const envelopeFileName = 'report.dsse.json';

/** Writes `<dir>/report.dsse.json` and returns its path. */
export async function writeEnvelopeFile(dir: string, envelope: DsseEnvelope): Promise<string> {
  const path = join(dir, envelopeFileName);
  await writeFile(path, envelopeFileText(envelope), 'utf8');
  return path;
}
