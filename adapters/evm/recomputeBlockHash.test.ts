import { expect, it } from 'vitest';
import type { BlockView } from '#core/adapter/ChainAdapter.ts';
import { recomputeBlockHash } from './recomputeBlockHash.ts';

// anvil 1.7.1 genesis block as returned by eth_getBlockByNumber (Prague fields present).
const raw = {
  hash: '0x4405da5218d6a120448a2649f8e188662b0896f043321025b871d86f30a9a596',
  parentHash: `0x${'0'.repeat(64)}`,
  sha3Uncles: '0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347',
  miner: `0x${'0'.repeat(40)}`,
  stateRoot: '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421',
  transactionsRoot: '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421',
  receiptsRoot: '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421',
  logsBloom: `0x${'0'.repeat(512)}`,
  difficulty: '0x0',
  number: '0x0',
  gasLimit: '0x1c9c380',
  gasUsed: '0x0',
  timestamp: '0x6b057e7e',
  extraData: '0x',
  mixHash: `0x${'0'.repeat(64)}`,
  nonce: '0x0000000000000000',
  baseFeePerGas: '0x3b9aca00',
  withdrawalsRoot: '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421',
  blobGasUsed: '0x0',
  excessBlobGas: '0x0',
  parentBeaconBlockRoot: `0x${'0'.repeat(64)}`,
  requestsHash: '0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  transactions: [],
};
const view = (r: Record<string, unknown>): BlockView => ({
  number: 0n,
  hash: raw.hash as `0x${string}`,
  parentHash: raw.parentHash as `0x${string}`,
  timestamp: 0n,
  txRoot: raw.transactionsRoot as `0x${string}`,
  txIds: [],
  raw: r,
});

it('recomputes a Prague header hash exactly', () => {
  expect(recomputeBlockHash(view(raw))).toEqual({ kind: 'computed', value: raw.hash });
});

it('gives a different hash when any header field changes', () => {
  expect(recomputeBlockHash(view({ ...raw, timestamp: '0x6b057e7f' }))).not.toEqual({
    kind: 'computed',
    value: raw.hash,
  });
  expect(recomputeBlockHash(view({ ...raw, transactionsRoot: `0x${'1'.repeat(64)}` }))).not.toEqual({
    kind: 'computed',
    value: raw.hash,
  });
});

it('says it cannot recompute, rather than giving a wrong hash, when a mandatory field is missing', () => {
  const { stateRoot: _, ...partial } = raw;
  expect(recomputeBlockHash(view(partial))).toEqual({
    kind: 'unavailable',
    reason: 'the node\'s block 0 has no "stateRoot" field to encode',
  });
});
