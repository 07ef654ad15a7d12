import fc from 'fast-check';

/** Accounts the suite derives and funds; three is the fewest where a third party can be wrongly touched. */
export const transferAccountCount = 3;

export const AccountIndexArb = fc.integer({ min: 0, max: transferAccountCount - 1 });

/**
 * Transfer amounts in the chain's smallest unit, shrinking towards 0 (a zero-value transfer is valid and still costs gas and
 * a nonce). Kept tiny so the funded accounts last for many runs.
 */
export const maxTransferAmount = 10n ** 12n;
export const AmountArb = fc.bigInt({ min: 0n, max: maxTransferAmount });

/** Two distinct account indexes, shrinking towards (0, 1). */
export const SenderReceiverArb = fc
  .record({ from: AccountIndexArb, offset: fc.integer({ min: 1, max: transferAccountCount - 1 }) })
  .map(({ from, offset }) => ({ from, to: (from + offset) % transferAccountCount }));
