import type { ResultStore } from '#core/store/ResultStore.ts';
import type { SealStore } from '#core/store/SealStore.ts';
import { StoreError } from './StoreError.ts';

/**
 * The seal side of a result store (createDynamoReportStore implements both). The CLI's opened store
 * is typed as a ResultStore; this recovers the seal methods, and says plainly when a store has none.
 */
export function asSealStore(store: ResultStore): SealStore {
  const candidate = store as Partial<SealStore>;
  if (
    typeof candidate.putSeal !== 'function' ||
    typeof candidate.latestSeal !== 'function' ||
    typeof candidate.getSeal !== 'function'
  ) {
    throw new StoreError(
      'this report store cannot keep sealed reports (a harness bug: use createDynamoReportStore)',
    );
  }
  return candidate as SealStore;
}
