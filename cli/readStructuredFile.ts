import { readFile } from 'node:fs/promises';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '#core/errors/ConfigError.ts';

/** Files the CLI reads as data are small; anything bigger is not one of them. */
const maxStructuredFileBytes = 1024 * 1024;

/**
 * Reads a JSON or YAML file (YAML is a superset of JSON) and validates it with `schema`. A file that
 * does not parse, or a value the schema refuses, is one line naming the file, the field and its line:
 * `--evidence audit.yaml: attestations[2].sha256 (line 14): sha256 must be 64 lower-case hex digits`.
 */
export async function readStructuredFile<S extends z.ZodType>(
  path: string,
  flag: string,
  schema: S,
): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `cannot read ${flag} "${path}" (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`,
    );
  }
  if (Buffer.byteLength(text) > maxStructuredFileBytes) {
    throw new ConfigError(
      `${flag} "${path}" is larger than ${maxStructuredFileBytes} bytes; it is not a ${flag.slice(2)} file`,
    );
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const at = syntax.linePos?.[0];
    throw new ConfigError(
      `${flag} "${path}"${at ? ` line ${at.line}` : ''}: not valid JSON or YAML (${syntax.message.split('\n')[0]})`,
    );
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const segments = issue?.path ?? [];
  const field = segments.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc === '' ? String(p) : `${acc}.${String(p)}`),
    '',
  );
  const node = segments.length > 0 ? doc.getIn(segments as (string | number)[], true) : doc.contents;
  const offset = isNode(node) ? node.range?.[0] : undefined;
  const line = offset === undefined ? undefined : lines.linePos(offset).line;
  throw new ConfigError(
    `${flag} "${path}": ${field || '(top level)'}${line === undefined ? '' : ` (line ${line})`}: ${issue?.message ?? 'invalid'}`,
  );
}
