import { DataShape, quantity } from '#conformance/contracts/jsonRpcShapes.ts';
import type { PropertySystem } from '../shared/PropertySystem.ts';
import { readRpc } from '../shared/readRpc.ts';
import { ModelMismatchError } from '../transfers/ModelMismatchError.ts';

/** eth_getCode of `address` at `block` must be `expected` (the runtime code, or "0x" before creation). */
export async function assertCodeAt(
  system: PropertySystem,
  read: { readonly address: string; readonly block: bigint | 'latest'; readonly expected: string },
  label: string,
): Promise<void> {
  const tag = read.block === 'latest' ? 'latest' : quantity(read.block);
  const code = await readRpc(system, 'eth_getCode', [read.address, tag], DataShape, label);
  if (code !== read.expected.toLowerCase()) {
    const describe = (c: string) => (c === '0x' ? 'no code' : `${(c.length - 2) / 2} bytes`);
    throw new ModelMismatchError(
      `${label}: code at ${read.address} (block ${tag}) is ${describe(code)}, expected ${describe(read.expected)}${code.length > 2 && read.expected.startsWith(code) ? ' (a truncated copy)' : ''}`,
      { bytes: (read.expected.length - 2) / 2, code: read.expected },
      { bytes: (code.length - 2) / 2, code },
    );
  }
}
