import { parseArgs } from 'node:util';
import { ConfigError } from '#core/errors/ConfigError.ts';

export const benchSystems = ['bare', 'chaineval', 'caliper'] as const;
export type BenchSystem = (typeof benchSystems)[number];

/**
 * `npm run bench -- [--only bare|chaineval|caliper[,…]]`: which systems to run (all by default), so
 * one part can be run alone while developing it. Bad input is a ConfigError saying what was allowed.
 */
export function parseBenchFlags(argv: readonly string[]): { readonly only: ReadonlySet<BenchSystem> } {
  let values: { only?: string[] | undefined };
  try {
    values = parseArgs({
      args: [...argv],
      options: { only: { type: 'string', multiple: true } },
      strict: true,
    }).values;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ConfigError(`bench: ${message}; usage: npm run bench -- [--only ${benchSystems.join('|')}]`);
  }
  const asked = (values.only ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
  const unknown = asked.filter((v) => !(benchSystems as readonly string[]).includes(v));
  if (unknown.length > 0 || (values.only !== undefined && asked.every((v) => v === '')))
    throw new ConfigError(
      `bench: --only got "${unknown.join(',') || values.only?.join(',')}"; allowed: ${benchSystems.join(', ')} (comma-separated or repeated), e.g. --only caliper`,
    );
  return { only: new Set(asked.length === 0 ? benchSystems : (asked as BenchSystem[])) };
}
