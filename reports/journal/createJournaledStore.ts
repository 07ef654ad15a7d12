import { ChainevalError } from '#core/errors/ChainevalError.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';

export interface JournaledStore extends ResultStore {
  /** Why the store stopped taking writes, once it did; the journal holds everything since. */
  storeFailure(): string | undefined;
}

/**
 * The store a local run writes to: every write goes to the journal first (a failure there is
 * fatal: nothing would be safe), then to the store. When the store fails, the run goes on against
 * the journal alone and reads come from it, so the report is still built and written; the failure
 * is reported once through `onStoreFailure`, and `chaineval reports import` puts the journal into
 * the store later.
 */
export function createJournaledStore(
  journal: ResultStore,
  store: ResultStore,
  onStoreFailure: (reason: string) => void = () => {},
): JournaledStore {
  let failure: string | undefined;
  const fail = (error: unknown) => {
    if (failure !== undefined) return;
    failure =
      error instanceof ChainevalError
        ? error.shortMessage
        : error instanceof Error
          ? error.message
          : String(error);
    onStoreFailure(failure);
  };
  const write =
    <A extends unknown[]>(pick: (s: ResultStore) => (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      await pick(journal)(...args);
      if (failure !== undefined) return;
      try {
        await pick(store)(...args);
      } catch (error) {
        fail(error);
      }
    };
  const read =
    <A extends unknown[], R>(pick: (s: ResultStore) => (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (failure === undefined) {
        try {
          return await pick(store)(...args);
        } catch (error) {
          fail(error);
        }
      }
      return pick(journal)(...args);
    };
  return {
    storeFailure: () => failure,
    putRun: write((s) => s.putRun.bind(s)),
    putResult: write((s) => s.putResult.bind(s)),
    putLoadShard: write((s) => s.putLoadShard.bind(s)),
    putReport: write((s) => s.putReport.bind(s)),
    getRun: read((s) => s.getRun.bind(s)),
    getReport: read((s) => s.getReport.bind(s)),
    listReports: read((s) => s.listReports.bind(s)),
    listRuns: read((s) => s.listRuns.bind(s)),
  };
}
