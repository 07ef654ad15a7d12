import { StoreError } from './StoreError.ts';

/** The report has a seal in the store already: a sealed report is never overwritten. */
export class SealExistsError extends StoreError {
  override name = 'SealExistsError' as const;
}

/** Another seal of the same target was stored since the chain head was read: seal again on the new head. */
export class ChainMovedError extends StoreError {
  override name = 'ChainMovedError' as const;
}
