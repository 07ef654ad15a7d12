import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { anvilBlock1, anvilProofAtBlock1 } from './anvilBlockWithProof.fixture.ts';
import { verifyAccountProof, verifyStorageProof } from './verifyEip1186Proof.ts';

const stateRoot = anvilBlock1.stateRoot as `0x${string}`;
const { address, accountProof } = anvilProofAtBlock1;
const emptyTrieRoot = '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421';

describe('verifyAccountProof', () => {
  it("proves a real account against its block's state root, matching the reported fields", async () => {
    expect(await verifyAccountProof(stateRoot, address, [...accountProof])).toEqual({
      kind: 'proven',
      account: {
        nonce: BigInt(anvilProofAtBlock1.nonce),
        balance: BigInt(anvilProofAtBlock1.balance),
        storageHash: anvilProofAtBlock1.storageHash,
        codeHash: anvilProofAtBlock1.codeHash,
      },
    });
  });

  it('rejects the proof against another state root, and a proof with an altered node', async () => {
    expect((await verifyAccountProof(keccak256(stateRoot), address, [...accountProof])).kind).toBe('invalid');
    const altered: `0x${string}`[] = [...accountProof];
    altered[1] = `${altered[1]?.slice(0, -2)}00` as `0x${string}`;
    expect((await verifyAccountProof(stateRoot, address, altered)).kind).toBe('invalid');
  });
});

describe('verifyStorageProof', () => {
  it('proves zero for any slot of an empty storage trie', async () => {
    expect(await verifyStorageProof(emptyTrieRoot, '0x0', [])).toEqual({ kind: 'proven', value: 0n });
  });
});
