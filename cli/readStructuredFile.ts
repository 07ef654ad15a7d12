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
/** A problem a caller finds in a value the schema accepted (an unknown name, a value out of range). */
export interface StructuredFileIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export async function readStructuredFile<S extends z.ZodType>(
  path: string,
  flag: string,
  schema: S,
  /** Checks beyond the schema (the profile's parameters and evidence items), reported the same way. */
  refine?: (value: z.output<S>) => StructuredFileIssue | undefined,
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
    const offset = syntax.pos?.[0];
    const at = offset === undefined ? undefined : lines.linePos(offset).line;
    throw new ConfigError(
      `${flag} "${path}"${at === undefined ? '' : ` line ${at}`}: not valid JSON or YAML (${syntax.message.split('\n')[0]})`,
    );
  }
  const parsed = schema.safeParse(doc.toJS());
  const issue: StructuredFileIssue | undefined = parsed.success
    ? refine?.(parsed.data)
    : {
        path: (parsed.error.issues[0]?.path ?? []) as (string | number)[],
        message: parsed.error.issues[0]?.message ?? 'invalid',
      };
  if (issue === undefined && parsed.success) return parsed.data;
  if (issue === undefined) throw new ConfigError(`${flag} "${path}": invalid`);
  const segments = issue.path;
  const field = segments.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc === '' ? String(p) : `${acc}.${String(p)}`),
    '',
  );
  // A missing field has no node: its line is the nearest enclosing one's.
  let line: number | undefined;
  let missing = false;
  for (let depth = segments.length; depth >= 0 && line === undefined; depth--) {
    const node = depth > 0 ? doc.getIn(segments.slice(0, depth), true) : doc.contents;
    const offset = isNode(node) ? node.range?.[0] : undefined;
    if (offset !== undefined) line = lines.linePos(offset).line;
    else if (depth === segments.length) missing = true;
  }
  const message = missing && segments.length > 0 ? `missing; ${issue.message}` : issue.message;
  throw new ConfigError(
    `${flag} "${path}": ${field || '(top level)'}${line === undefined ? '' : ` (line ${line})`}: ${message}`,
  );
}
