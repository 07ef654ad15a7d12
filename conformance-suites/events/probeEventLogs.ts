import { encodePacked, type Hex, keccak256, toEventSelector } from 'viem';
import { word } from '#conformance/contracts/probeCalls.ts';

/** topic0 of Probe's `Ping(uint256 indexed tag, uint256 indexed seq, bytes32 payload)`. */
export const pingTopic: Hex = toEventSelector('Ping(uint256,uint256,bytes32)');
/** topic0 of Probe's `Pong(uint256 indexed tag, uint256 count)`. */
export const pongTopic: Hex = toEventSelector('Pong(uint256,uint256)');

/** A log as the harness expects it: who emitted it, its topics and data. */
export interface ExpectedLog {
  readonly address: Hex;
  readonly topics: readonly Hex[];
  readonly data: Hex;
}

/**
 * The logs Probe.emitEvents(tag, count) must leave, in order, computed by the harness from Probe.sol:
 * Ping(tag, seq, keccak256(abi.encodePacked(tag, seq))) for seq = 0..count-1, then Pong(tag, count).
 */
export function expectedProbeEvents(address: Hex, tag: bigint, count: number): ExpectedLog[] {
  const pings = Array.from({ length: count }, (_, seq) => ({
    address,
    topics: [pingTopic, word(tag), word(BigInt(seq))],
    data: keccak256(encodePacked(['uint256', 'uint256'], [tag, BigInt(seq)])),
  }));
  return [...pings, { address, topics: [pongTopic, word(tag)], data: word(BigInt(count)) }];
}
