import { DataShape, quantity, StorageWordShape } from '#conformance/contracts/jsonRpcShapes.ts';
import { type ProbeFunction, probeCallData } from '#conformance/contracts/probeCalls.ts';
import { ModelMismatchError } from '../transfers/ModelMismatchError.ts';
import type { PropertySystem } from './PropertySystem.ts';
import { readRpc } from './readRpc.ts';

/**
 * A Probe storage slot read two ways at `block`: eth_call of its getter and eth_getStorageAt. Both
 * must agree (an empty slot's "0x" is zero); the caller compares the value with the model. With
 * `callOnly` (a run's starting state, which no command has judged yet, so that a failure always has
 * a command to show) only the getter is read.
 */
export async function readSlot(
  system: PropertySystem,
  read: {
    readonly slot: '0x0' | '0x1';
    readonly getter: ProbeFunction;
    readonly block: bigint | 'latest';
    readonly callOnly?: boolean;
  },
  label: string,
): Promise<bigint> {
  const contract = system.contract;
  if (contract === undefined) throw new Error(`${label}: the suite has no contract to read`);
  const tag = read.block === 'latest' ? 'latest' : quantity(read.block);
  const data = await readRpc(
    system,
    'eth_call',
    [{ to: contract, data: probeCallData(read.getter) }, tag],
    DataShape,
    label,
  );
  if (data.length !== 66) {
    throw new ModelMismatchError(
      `${label}: eth_call ${read.getter}() at ${tag} answered ${data}, not one word`,
      'one 32-byte word',
      data,
    );
  }
  const call = BigInt(data);
  if (read.callOnly) return call;
  const storage = await readRpc(
    system,
    'eth_getStorageAt',
    [contract, read.slot, tag],
    StorageWordShape,
    label,
  );
  if (call !== storage) {
    throw new ModelMismatchError(
      `${label}: at ${tag} eth_getStorageAt(${read.slot}) answered ${storage} but eth_call ${read.getter}() answered ${call}`,
      { storage: String(call), call: String(call) },
      { storage: String(storage), call: String(call) },
    );
  }
  return call;
}
