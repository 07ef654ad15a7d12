import { z } from 'zod';
import type { Hex } from '#core/adapter/ChainAdapter.ts';

/**
 * The primitive value shapes of Ethereum JSON-RPC, as ethereum/execution-apis specifies them
 * (src/schemas/base-types.yaml). The object shapes the ledger checks and the contract and event checks
 * read (ledger/evm/rpcShapes.ts, contracts/jsonRpcShapes.ts) are built from these, so a malformed
 * field is refused the same way, with the same words, whichever check reads it.
 */

/** `uint`: 0x-prefixed hex without leading zeros ("0x0" for zero). */
export const QuantityShape = z
  .string()
  .regex(/^0x(?:0|[1-9a-fA-F][0-9a-fA-F]*)$/, 'expected a hex quantity (0x-prefixed, no leading zeros)')
  .transform((s) => BigInt(s));

/** `bytes`: 0x-prefixed hex with an even number of digits ("0x" for none). */
export const DataShape = z
  .string()
  .regex(/^0x(?:[0-9a-fA-F]{2})*$/, 'expected 0x-prefixed bytes (an even number of hex digits)')
  .transform((s) => s.toLowerCase() as Hex);

export const Hash32Shape = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 32-byte hash')
  .transform((s) => s.toLowerCase() as Hex);

export const AddressShape = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 20-byte address')
  .transform((s) => s.toLowerCase() as Hex);

/** `bytes256`: the 2048-bit logs bloom. */
export const BloomShape = z
  .string()
  .regex(/^0x[0-9a-fA-F]{512}$/, 'expected a 256-byte bloom')
  .transform((s) => s.toLowerCase() as Hex);

/** A number as JSON-RPC takes it (`uint`). */
export function quantity(n: bigint): Hex {
  return `0x${n.toString(16)}`;
}
