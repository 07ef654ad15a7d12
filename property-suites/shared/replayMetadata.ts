import type fc from 'fast-check';
import type { PropertyCommand } from './PropertyCommand.ts';

const isPropertyCommand = <M extends object, R>(c: unknown): c is PropertyCommand<M, R> =>
  typeof c === 'object' && c !== null && typeof (c as { step?: unknown }).step === 'function';

/**
 * The commands of a fast-check counterexample that ran in its last execution, unwrapped, and the
 * `replayPath` fast-check keeps for it. Both live on fast-check's CommandsIterable and CommandWrapper,
 * which its typings do not export (fast-check 4.10: `hasRan`, `cmd`, `metadataForReplay()`), so they
 * are read defensively: a missing `hasRan` keeps the command, a missing metadata gives no replayPath.
 */
export function replayMetadata<M extends object, R>(
  commands: Iterable<fc.AsyncCommand<M, R>>,
): { readonly commands: PropertyCommand<M, R>[]; readonly replayPath?: string } {
  const ran = [...commands]
    .filter((c) => !('hasRan' in c) || c.hasRan === true)
    .map((c) => ('cmd' in c ? c.cmd : c))
    .filter((c) => isPropertyCommand<M, R>(c));
  const metadata = (commands as { metadataForReplay?: unknown }).metadataForReplay;
  const text = typeof metadata === 'function' ? String(metadata.call(commands)) : '';
  // fast-check writes the metadata as `replayPath=<JSON string>`.
  const prefix = 'replayPath=';
  if (!text.startsWith(prefix)) return { commands: ran };
  const replayPath: unknown = JSON.parse(text.slice(prefix.length));
  return typeof replayPath === 'string' ? { commands: ran, replayPath } : { commands: ran };
}
