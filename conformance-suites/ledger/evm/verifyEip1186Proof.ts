import { verifyMerkleProof } from '@ethereumjs/mpt';
import { bytesToHex, fromRlp, type Hex, hexToBigInt, hexToBytes, keccak256, pad } from 'viem';
import type { AccountProofView } from './rpcShapes.ts';

/** What the proof itself proves: the account's fields, or that it does not exist (null). */
export interface ProvenAccount {
  readonly nonce: bigint;
  readonly balance: bigint;
  readonly storageHash: Hex;
  readonly codeHash: Hex;
}

export type AccountProofVerdict =
  | { readonly kind: 'proven'; readonly account: ProvenAccount | null }
  | { readonly kind: 'invalid'; readonly reason: string };

export type StorageProofVerdict =
  | { readonly kind: 'proven'; readonly value: bigint }
  | { readonly kind: 'invalid'; readonly reason: string };

const emptyTrieRoot: Hex = '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421';

/**
 * Verifies an EIP-1186 account proof against a state root: the proof nodes must hash up to `stateRoot`
 * along the path keccak256(address), and the leaf decodes to RLP([nonce, balance, storageRoot,
 * codeHash]) (Yellow Paper §4.1). A valid proof of absence proves `null`.
 */
export async function verifyAccountProof(
  stateRoot: Hex,
  address: Hex,
  proof: readonly Hex[],
): Promise<AccountProofVerdict> {
  let leaf: Uint8Array | null;
  try {
    leaf = await verifyMerkleProof(
      hexToBytes(address),
      proof.map((node) => hexToBytes(node)),
      { root: hexToBytes(stateRoot), useKeyHashing: true },
    );
  } catch (error) {
    return {
      kind: 'invalid',
      reason: `the account proof does not lead from state root ${stateRoot}: ${message(error)}`,
    };
  }
  if (leaf === null) return { kind: 'proven', account: null };
  let fields: unknown;
  try {
    fields = fromRlp(bytesToHex(leaf), 'hex');
  } catch (error) {
    return { kind: 'invalid', reason: `the proven account leaf is not RLP: ${message(error)}` };
  }
  if (!Array.isArray(fields) || fields.length !== 4 || fields.some((f) => typeof f !== 'string'))
    return {
      kind: 'invalid',
      reason: 'the proven account leaf is not RLP([nonce, balance, storageRoot, codeHash])',
    };
  const [nonce, balance, storageHash, codeHash] = fields as Hex[];
  return {
    kind: 'proven',
    account: {
      nonce: nonce === '0x' ? 0n : hexToBigInt(nonce as Hex),
      balance: balance === '0x' ? 0n : hexToBigInt(balance as Hex),
      storageHash: storageHash as Hex,
      codeHash: codeHash as Hex,
    },
  };
}

/**
 * Verifies an EIP-1186 storage proof against an account's storage root: the path is
 * keccak256(slot as 32 bytes); the leaf is RLP(value) without leading zeros; absence proves zero.
 */
export async function verifyStorageProof(
  storageRoot: Hex,
  slot: Hex,
  proof: readonly Hex[],
): Promise<StorageProofVerdict> {
  if (storageRoot.toLowerCase() === emptyTrieRoot && proof.length === 0) return { kind: 'proven', value: 0n };
  let leaf: Uint8Array | null;
  try {
    leaf = await verifyMerkleProof(
      hexToBytes(pad(slot, { size: 32 })),
      proof.map((node) => hexToBytes(node)),
      { root: hexToBytes(storageRoot), useKeyHashing: true },
    );
  } catch (error) {
    return {
      kind: 'invalid',
      reason: `the storage proof does not lead from storage root ${storageRoot}: ${message(error)}`,
    };
  }
  if (leaf === null) return { kind: 'proven', value: 0n };
  let value: unknown;
  try {
    value = fromRlp(bytesToHex(leaf), 'hex');
  } catch (error) {
    return { kind: 'invalid', reason: `the proven storage leaf is not RLP: ${message(error)}` };
  }
  if (typeof value !== 'string')
    return { kind: 'invalid', reason: 'the proven storage leaf is not an RLP string' };
  return { kind: 'proven', value: value === '0x' ? 0n : hexToBigInt(value as Hex) };
}

/** keccak256 of code, as an account's codeHash commits to it. */
export function codeHashOf(code: Hex): Hex {
  return keccak256(code);
}

/** The reported fields of a proof answer next to what its nodes prove, for comparison and evidence. */
export function reportedAccount(proof: AccountProofView): ProvenAccount {
  return {
    nonce: proof.nonce,
    balance: proof.balance,
    storageHash: proof.storageHash,
    codeHash: proof.codeHash,
  };
}

function message(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
}
