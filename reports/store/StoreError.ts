import { ChainevalError } from '#core/errors/ChainevalError.ts';

/** The result store could not do what was asked (DynamoDB refused, or what it holds is unusable). */
export class StoreError extends ChainevalError {
  override name: string = 'StoreError';
}

/**
 * An item read from the table does not match the schema of what chaineval writes. Items are
 * untrusted input (anyone with table access can write them), so they are rejected, never used.
 */
export class CorruptStoreItemError extends StoreError {
  override name = 'CorruptStoreItemError' as const;
}

/** A payload that does not fit in one DynamoDB item (400 KB) even gzipped. */
export class StoreItemTooLargeError extends StoreError {
  override name = 'StoreItemTooLargeError' as const;
}
