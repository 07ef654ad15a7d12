import type { CliIo } from '#cli/CliIo.ts';
import { main } from '#cli/main.ts';

/** Runs the CLI in-process as `chaineval <argv>` would, capturing its output and one-line errors. */
export async function runCli(
  argv: readonly string[],
): Promise<{ readonly code: number; readonly out: string; readonly errors: string[] }> {
  const out: string[] = [];
  const errors: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    progress: () => {},
    error: (line) => errors.push(line),
    color: false,
  };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), errors };
}
