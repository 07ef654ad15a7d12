import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { type FaultName, FaultNameSchema } from '#fault-proxy/faultCatalogue.ts';
import { renderSelftestMarkdown, renderSelftestTerminal } from '#fault-proxy/selftest/renderSelftest.ts';
import { runSelftest } from '#fault-proxy/selftest/runSelftest.ts';
import { registry } from '#registry/index.ts';
import { assertWritableFolder } from '../assertWritableFolder.ts';
import type { CliIo } from '../CliIo.ts';
import { killAllServices } from '../embedded/spawnService.ts';
import { anvilDevPrivateKey, startAnvil } from '../embedded/startAnvil.ts';
import { InterruptedError } from '../InterruptedError.ts';
import { parseFlags } from '../parseFlags.ts';
import { watchInterrupts } from '../watchInterrupts.ts';

export const selftestHelp = `Usage: chaineval selftest [flags]

Proves that the harness catches defects: starts an embedded anvil, runs every check of the profile on
it behind clean gateway endpoints (no check may fail), then switches on each fault of the
fault-injecting proxy in turn and runs the checks built to catch it (each must fail). Prints the
detection matrix (faults × checks). Exit 0 when every fault is detected and the clean run has no
false failure, 3 otherwise.

Flags:
  --profile <id>        profile whose checks are tested (default jrt-0193-2020)
  --only <f1,f2,...>    run only these faults (and the clean run)
  --markdown <file>     also write the matrix as Markdown (docs/selftest-matrix.md)
  --json <file>         also write the whole result as JSON
  -h, --help            this help
`;

/** `chaineval selftest`: see selftestHelp. */
export async function selftestCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('selftest', argv, {
    profile: { type: 'string' },
    only: { type: 'string' },
    markdown: { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(selftestHelp);
    return 0;
  }
  if (positionals.length > 0)
    throw new ConfigError(
      `selftest takes no arguments, got "${positionals[0]?.slice(0, 40)}"; run "chaineval selftest --help"`,
    );
  const profileId = values.profile ?? 'jrt-0193-2020';
  if (!registry.profiles.some((p) => p.id === profileId)) {
    throw new ConfigError(
      `--profile ${profileId.slice(0, 40)} is not a known profile; known: ${registry.profiles.map((p) => p.id).join(', ')}`,
    );
  }
  const only = values.only === undefined ? undefined : parseOnly(values.only);
  for (const [flag, file] of [
    ['--markdown', values.markdown],
    ['--json', values.json],
  ] as const) {
    if (file)
      await assertWritableFolder(
        dirname(resolve(file)),
        flag,
        `pass ${flag} <file> in a folder you can write to`,
      );
  }

  const interrupts = watchInterrupts({
    onFirst: (reason) => io.error(`${reason}: stopping after the fault in flight (again to stop at once)`),
    onSecond: (signal) => {
      killAllServices();
      io.error(`${signal} again: stopped at once`);
      process.exit(130);
    },
  });
  try {
    io.progress('starting embedded anvil chain …');
    const anvil = await startAnvil();
    try {
      const result = await runSelftest({
        upstreamUrl: anvil.url,
        fundingKey: anvilDevPrivateKey,
        registry,
        profileId,
        ...(only ? { only } : {}),
        progress: io.progress,
        signal: interrupts.signal,
      });
      if (interrupts.signal.aborted)
        throw new InterruptedError(`${String(interrupts.signal.reason)}: selftest stopped`);
      io.out(renderSelftestTerminal(result));
      if (values.markdown) writeFileSync(values.markdown, renderSelftestMarkdown(result));
      if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
      return result.ok ? 0 : 3;
    } finally {
      await anvil.stop();
    }
  } finally {
    interrupts.dispose();
  }
}

function parseOnly(list: string): FaultName[] {
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  const unknown = names.filter((n) => !FaultNameSchema.safeParse(n).success);
  if (names.length === 0 || unknown.length > 0) {
    throw new ConfigError(
      `--only names ${unknown.length > 0 ? `unknown fault(s) ${unknown.slice(0, 3).join(', ').slice(0, 120)}` : 'no fault'}; known faults: ${FaultNameSchema.options.join(', ')}`,
    );
  }
  return names as FaultName[];
}
