import type { FuzzCase } from './arbitraries.ts';

/** The first block count eth_feeHistory cannot take as a 64-bit number. */
const firstOverflowingCount = 2n ** 64n;

/**
 * Bodies measured to stop an implementation with one request (PROP-07 sends them first when
 * rpcFuzzKnownCrashers is true, so the verdict does not depend on the seed finding them):
 * - `null`: Hardhat 2.29.1 and ganache 7.9.2 exit (code 1);
 * - eth_feeHistory with a block count of 2^64: anvil 1.7.1 panics ("Uint conversion error:
 *   Overflow") and exits; 2^64 − 1 is answered, and Hardhat and ganache answer both.
 */
export const knownCrashers: readonly FuzzCase[] = [
  { family: 'not-an-object', body: 'null' },
  {
    family: 'request',
    body: '{"jsonrpc":"2.0","id":1,"method":"eth_feeHistory","params":["0x10000000000000000","latest",[]]}',
  },
];

/** A JSON-RPC quantity as a number, where it is one (hex string or JSON integer). */
function quantityOf(value: unknown): bigint | undefined {
  if (typeof value === 'string' && /^0x[0-9a-fA-F]+$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isFinite(value) && Number.isInteger(value)) return BigInt(value);
  return undefined;
}

/** A request (object) of the kind that stopped anvil: eth_feeHistory with a block count ≥ 2^64. */
function isOverflowingFeeHistory(entry: unknown): boolean {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false;
  const { method, params } = entry as { method?: unknown; params?: unknown };
  if (method !== 'eth_feeHistory' || !Array.isArray(params)) return false;
  const count = quantityOf(params[0]);
  return count !== undefined && count >= firstOverflowingCount;
}

/**
 * Whether a body is of a kind a known crasher is: `null` as the body or a batch entry, or an
 * eth_feeHistory with a block count ≥ 2^64, alone or in a batch. With rpcFuzzKnownCrashers false the
 * generator leaves such bodies out, so a run that keeps a known-defective node up stays deterministic
 * (and is waived); anything else that stops a node is a new finding.
 */
export function isKnownCrasher(body: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return false;
  }
  if (value === null) return true;
  if (Array.isArray(value)) return value.some((entry) => entry === null || isOverflowingFeeHistory(entry));
  return isOverflowingFeeHistory(value);
}
