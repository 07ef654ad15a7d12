import { readFileSync } from 'node:fs';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { type JournalEntry, JournalEntrySchema } from './JournalEntrySchema.ts';

/**
 * The entries of a journal file in order. A torn last line (the process died while writing it) is
 * ignored; any other invalid line is an error naming the file and line, because the journal is what
 * a report is rebuilt from.
 */
export function readJournal(path: string): JournalEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `cannot read journal ${path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); pass a run's folder under reports/out`,
    );
  }
  const lines = text.split('\n');
  const entries: JournalEntry[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const last = i >= lines.length - 2;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      if (last) break;
      throw new ConfigError(`journal ${path} line ${i + 1} is not JSON; the file was edited or corrupted`);
    }
    const parsed = JournalEntrySchema.safeParse(json);
    if (!parsed.success) {
      throw new ConfigError(
        `journal ${path} line ${i + 1} is not a journal entry: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      );
    }
    entries.push(parsed.data);
  }
  return entries;
}
