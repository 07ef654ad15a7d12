import fc from 'fast-check';

/**
 * A history that always opens with one command of `opening`, then up to `maxCommands - 1` random
 * commands (fast-check `fc.commands`, shrinking as usual). The opening is the command that exercises
 * what the suite is about (an event, a deployment, a replay): without it a short random history, as
 * a quick profile runs (one run of up to 4 commands, a quarter of them empty), often never reaches
 * it and a defect goes unseen. The opening's arguments shrink too.
 */
export function openedHistory<M extends object, R>(
  opening: fc.Arbitrary<fc.AsyncCommand<M, R>>,
  commandArbs: fc.Arbitrary<fc.AsyncCommand<M, R>>[],
  maxCommands: number,
  replayPath?: string,
): fc.Arbitrary<Iterable<fc.AsyncCommand<M, R>>> {
  const rest = Math.max(0, maxCommands - 1);
  return fc
    .tuple(
      opening,
      fc.commands(
        commandArbs,
        replayPath === undefined ? { maxCommands: rest } : { maxCommands: rest, replayPath },
      ),
    )
    .map(([first, others]) => new OpenedHistory(first, others));
}

/** The opening command, then fast-check's generated ones (their `hasRan` and replay metadata kept). */
class OpenedHistory<M extends object, R> implements Iterable<fc.AsyncCommand<M, R>> {
  constructor(
    readonly first: fc.AsyncCommand<M, R>,
    readonly rest: Iterable<fc.AsyncCommand<M, R>>,
  ) {}

  [Symbol.iterator](): Iterator<fc.AsyncCommand<M, R>> {
    return [this.first, ...this.rest][Symbol.iterator]();
  }

  /** fast-check's replayPath of the generated part (read by replayMetadata). */
  metadataForReplay(): string {
    const inner = (this.rest as { metadataForReplay?: unknown }).metadataForReplay;
    return typeof inner === 'function' ? String(inner.call(this.rest)) : '';
  }

  toString(): string {
    return [String(this.first), String(this.rest)].filter((s) => s.length > 0).join(',');
  }
}
