import type { TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import type { K6CorpusItem } from './K6ExportManifestSchema.ts';

/** What chaineval itself read back from the chain about a corpus, at import time. */
export interface CorpusCommits {
  /** Corpus transactions whose receipt says they succeeded. */
  readonly committed: number;
  /** Included but failed (receipt status 0: a contract write that reverted): not committed work. */
  readonly reverted: number;
  readonly read: number;
  readonly readAt: string;
}

/** Receipts read at once: enough to overlap round trips, few enough not to flood a remote node. */
const concurrency = 32;

/**
 * Reads the receipt of every corpus transaction from the chain, so the import knows how many of the
 * transactions k6 sent were committed, by chaineval's own observation rather than k6's. Read after the
 * fact, it counts commits however late they came, so it can only lower the success rate k6's accept
 * rate allows, never raise it (judgeK6Summary uses it to fail, not to pass). Bounded: one read each.
 */
export async function readCorpusCommits(
  transactions: Pick<TransactionsApi, 'getOutcome'>,
  corpus: readonly K6CorpusItem[],
  now: () => Date = () => new Date(),
): Promise<CorpusCommits> {
  let committed = 0;
  let reverted = 0;
  let next = 0;
  const worker = async () => {
    while (next < corpus.length) {
      const item = corpus[next++]!;
      const outcome = await transactions.getOutcome(item.hash);
      if (outcome?.status === 'success') committed += 1;
      else if (outcome?.status === 'reverted') reverted += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, corpus.length) }, worker));
  return { committed, reverted, read: corpus.length, readAt: now().toISOString() };
}
