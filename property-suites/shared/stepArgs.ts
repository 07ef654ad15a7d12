import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';

/**
 * The arguments of a recorded step, checked against what command `name` takes: account indexes and
 * counts as integers ('int'), amounts and values as decimal strings ('bigint').
 */
export function stepArgs<const K extends readonly ('int' | 'bigint')[]>(
  step: CommandStep,
  name: string,
  kinds: K,
): { [I in keyof K]: K[I] extends 'int' ? number : bigint } {
  const bad = () =>
    new ConfigError(
      `recorded step ${step.name}(${step.args.join(', ')}) does not fit ${name}(${kinds.join(', ')}); replay a report written by this harness version`,
    );
  if (step.name !== name || step.args.length !== kinds.length) throw bad();
  return kinds.map((kind, i) => {
    const arg = step.args[i];
    if (kind === 'int') {
      if (typeof arg !== 'number' || !Number.isSafeInteger(arg) || arg < 0) throw bad();
      return arg;
    }
    if (typeof arg !== 'string' || !/^\d+$/.test(arg)) throw bad();
    return BigInt(arg);
  }) as { [I in keyof K]: K[I] extends 'int' ? number : bigint };
}
