import type { Capability, PartOf } from '../adapter/Capability.ts';
import type { ChainAdapter } from '../adapter/ChainAdapter.ts';

/**
 * The adapter as a check that requires capabilities `C` sees it: every part those capabilities
 * guarantee is present in the type. The runner only calls `run` when the adapter declares all of
 * `C` and has their parts (missingParts), so no check needs a non-null assertion.
 */
export type AdapterWith<C extends Capability> = ChainAdapter & {
  readonly [K in PartOf<C>]-?: NonNullable<ChainAdapter[K]>;
};
