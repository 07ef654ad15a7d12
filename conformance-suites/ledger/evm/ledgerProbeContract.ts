import { concatHex, type Hex, keccak256, numberToHex, toHex } from 'viem';

/** The event the probe emits: `Stored(uint256 v)`, v in the log's data. */
export const storedEventTopic: Hex = keccak256(toHex('Stored(uint256)'));

/**
 * Runtime code of the ledger probe, hand-assembled so the ledger checks need no compiler and an
 * assessor can read every byte (EVM opcodes per the Yellow Paper, Appendix H; no opcode newer than
 * the Frontier/Byzantium set, so it runs on any EVM chain):
 *
 *   00 PUSH1 0x04  CALLDATALOAD      v = calldata[4:36] (the argument after any 4-byte selector)
 *   03 DUP1 ISZERO PUSH1 0x36 JUMPI  v == 0 → revert
 *   08 DUP1 PUSH1 0x00 SSTORE        slot 0 := v
 *   0c PUSH1 0x00 MSTORE             memory[0:32] := v
 *   0f PUSH32 topic PUSH1 0x20 PUSH1 0x00 LOG1   emit Stored(v)
 *   35 STOP
 *   36 JUMPDEST PUSH1 0x00 PUSH1 0x00 REVERT     v == 0: fail with no data
 *
 * So `store(v)` with v ≠ 0 succeeds with one log and a storage write, and `store(0)` fails: the two
 * outcomes the receipts, bloom and gas checks need in blocks the harness made itself.
 */
export const ledgerProbeRuntime: Hex = concatHex([
  '0x600435',
  '0x80156036',
  '0x57',
  '0x80600055',
  '0x600052',
  '0x7f',
  storedEventTopic,
  '0x60206000a1',
  '0x00',
  '0x5b60006000fd',
]);

const runtimeLength = (ledgerProbeRuntime.length - 2) / 2;
/** Length of the init code below, which is where the runtime starts. */
const initLength = 11;

/**
 * Init code: PUSH1 len DUP1 PUSH1 initLength PUSH1 0 CODECOPY PUSH1 0 RETURN, followed by the runtime
 * (CODECOPY(0, initLength, len); RETURN(0, len)).
 */
export const ledgerProbeInitCode: Hex = concatHex([
  '0x60',
  numberToHex(runtimeLength, { size: 1 }),
  '0x80',
  '0x60',
  numberToHex(initLength, { size: 1 }),
  '0x6000396000f3',
  ledgerProbeRuntime,
]);

/** The ABI the adapter encodes calls with: the runtime ignores the selector and reads the argument. */
export const ledgerProbeAbi = [
  {
    type: 'function',
    name: 'store',
    stateMutability: 'nonpayable',
    inputs: [{ name: 'v', type: 'uint256' }],
    outputs: [],
  },
  {
    type: 'event',
    name: 'Stored',
    anonymous: false,
    inputs: [{ name: 'v', type: 'uint256', indexed: false }],
  },
] as const;

/** The storage slot `store` writes. */
export const ledgerProbeSlot: Hex = `0x${'00'.repeat(32)}`;
