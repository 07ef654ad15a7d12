import { randomBytes } from 'node:crypto';
import { encodeFunctionData, encodePacked, type Hex, keccak256, toHex } from 'viem';
import type { TxIntent } from '#core/adapter/ChainAdapter.ts';
import { loadProbeArtifact } from './loadProbeArtifact.ts';

/** Probe.sol functions the contract and event checks call. */
export type ProbeFunction =
  | 'value'
  | 'set'
  | 'get'
  | 'mix'
  | 'emitEvents'
  | 'spin'
  | 'writeThenRevert'
  | 'fail';

/** ABI-encoded calldata of a Probe function (for eth_call). */
export function probeCallData(fn: ProbeFunction, args: readonly bigint[] = []): Hex {
  return encodeFunctionData({
    abi: loadProbeArtifact().abi,
    functionName: fn,
    args: [...args],
  } as Parameters<typeof encodeFunctionData>[0]);
}

/** A transaction intent calling a Probe function at `address`. */
export function probeIntent(address: string, fn: ProbeFunction, args: readonly bigint[] = []): TxIntent {
  return { kind: 'invoke', contract: address, abi: loadProbeArtifact().abi, method: fn, args };
}

/** A uint256 as the 32-byte word a call returns or a topic carries. */
export function word(value: bigint): Hex {
  return toHex(value, { size: 32 });
}

/**
 * What Probe.mix(seed, rounds) must return, computed by the harness: h0 = bytes32(seed),
 * h(i+1) = keccak256(h(i) ‖ uint256(i)) (Solidity abi.encodePacked of bytes32 and uint256).
 */
export function expectedMix(seed: bigint, rounds: number): Hex {
  let h = word(seed);
  for (let i = 0; i < rounds; i++) h = keccak256(encodePacked(['bytes32', 'uint256'], [h, BigInt(i)]));
  return h;
}

/** A fresh 64-bit value for one run, so what a check writes or emits cannot be left over from another. */
export function freshValue(): bigint {
  return BigInt(`0x${randomBytes(8).toString('hex')}`) | 1n;
}
