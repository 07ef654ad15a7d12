import { type Hex, keccak256, parseTransaction, type TransactionSerializable, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { rebuildSignedTransaction, secp256k1Order } from './rebuildSignedTransaction.ts';
import { verifyTransactionSignature } from './verifyTransactionSignature.ts';

const account = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
const sender = account.address.toLowerCase();
const to = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' as const;
const common = { nonce: 7, gas: 50_000n, to, value: 12345n, data: '0xdeadbeef' as Hex };
const fees = { maxFeePerGas: 3_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n };
const accessList = [{ address: to, storageKeys: [`0x${'00'.repeat(31)}01` as Hex] }];

/** The JSON-RPC object a node returns for `raw` (execution-apis TransactionInfo), built with viem's parser. */
function rpcObject(raw: Hex, style: 'yParity' | 'v-only' = 'yParity'): Record<string, unknown> {
  const tx = parseTransaction(raw) as Record<string, unknown> & { type: string };
  const q = (v: unknown) => (v === undefined ? undefined : toHex(v as bigint | number));
  const typeNumber = { legacy: 0, eip2930: 1, eip1559: 2, eip4844: 3, eip7702: 4 }[tx.type] ?? 0;
  const out: Record<string, unknown> = {
    type: toHex(typeNumber),
    hash: keccak256(raw),
    from: sender,
    nonce: q(tx.nonce ?? 0),
    gas: q(tx.gas),
    to: tx.to ?? null,
    value: q(tx.value ?? 0n),
    input: tx.data ?? '0x',
    r: tx.r,
    s: tx.s,
  };
  if (tx.type === 'legacy') {
    out.gasPrice = q(tx.gasPrice);
    out.v = q(tx.v);
    if (tx.chainId !== undefined) out.chainId = q(tx.chainId);
    return out;
  }
  out.chainId = q(tx.chainId);
  out.accessList = tx.accessList ?? [];
  if (tx.gasPrice !== undefined) out.gasPrice = q(tx.gasPrice);
  if (tx.maxFeePerGas !== undefined) out.maxFeePerGas = q(tx.maxFeePerGas);
  if (tx.maxPriorityFeePerGas !== undefined) out.maxPriorityFeePerGas = q(tx.maxPriorityFeePerGas);
  if (tx.maxFeePerBlobGas !== undefined) out.maxFeePerBlobGas = q(tx.maxFeePerBlobGas);
  if (tx.blobVersionedHashes !== undefined) out.blobVersionedHashes = tx.blobVersionedHashes;
  if (tx.authorizationList !== undefined) {
    out.authorizationList = (tx.authorizationList as Record<string, unknown>[]).map((a) => ({
      chainId: q(a.chainId),
      address: a.address,
      nonce: q(a.nonce),
      yParity: q(a.yParity),
      r: a.r,
      s: a.s,
    }));
  }
  if (style === 'yParity') out.yParity = q(tx.yParity);
  out.v = q(tx.yParity);
  return out;
}

async function signed(tx: TransactionSerializable): Promise<Hex> {
  return account.signTransaction(tx as Parameters<typeof account.signTransaction>[0]);
}

describe('verifyTransactionSignature', () => {
  const cases: [string, () => Promise<Hex>][] = [
    ['legacy without chain id (pre-EIP-155)', () => signed({ ...common, gasPrice: 2n, type: 'legacy' })],
    [
      'legacy with EIP-155 chain id',
      () => signed({ ...common, chainId: 31337, gasPrice: 2_000_000_000n, type: 'legacy' }),
    ],
    [
      'EIP-2930',
      () => signed({ ...common, chainId: 1337, gasPrice: 2_000_000_000n, accessList, type: 'eip2930' }),
    ],
    ['EIP-1559', () => signed({ ...common, chainId: 1, ...fees, accessList, type: 'eip1559' })],
    [
      'EIP-4844 (network form without blobs)',
      () =>
        signed({
          ...common,
          chainId: 1,
          ...fees,
          maxFeePerBlobGas: 7n,
          blobVersionedHashes: [`0x01${'ab'.repeat(31)}`],
          type: 'eip4844',
        }),
    ],
    [
      'EIP-7702',
      async () =>
        signed({
          ...common,
          chainId: 1,
          ...fees,
          authorizationList: [await account.signAuthorization({ address: to, chainId: 1, nonce: 8 })],
          type: 'eip7702',
        }),
    ],
  ];

  it.each(cases)('binds the signer and the hash of a %s transaction', async (_, sign) => {
    const raw = await sign();
    const rebuilt = rebuildSignedTransaction(rpcObject(raw));
    expect(rebuilt).toMatchObject({ kind: 'rebuilt', encoded: raw, hash: keccak256(raw) });
    expect(await verifyTransactionSignature(rpcObject(raw))).toMatchObject({ kind: 'bound', from: sender });
  });

  it('reads the parity of a typed transaction from v when a node reports no yParity (Hardhat)', async () => {
    const raw = await signed({ ...common, chainId: 31337, ...fees, type: 'eip1559' });
    const tx = rpcObject(raw, 'v-only');
    expect(tx.yParity).toBeUndefined();
    expect(await verifyTransactionSignature(tx)).toMatchObject({ kind: 'bound', from: sender });
  });

  it('reads v = 27/28 beside yParity as the same parity, and refuses a v that contradicts it', async () => {
    const raw = await signed({ ...common, chainId: 1, ...fees, type: 'eip1559' });
    const tx = rpcObject(raw);
    const legacyStyle = toHex(27n + BigInt(tx.yParity as string));
    expect(await verifyTransactionSignature({ ...tx, v: legacyStyle })).toMatchObject({ kind: 'bound' });
    const contradicting = toHex(28n - BigInt(tx.yParity as string));
    expect(rebuildSignedTransaction({ ...tx, v: contradicting })).toMatchObject({
      kind: 'malformed',
      field: 'yParity',
    });
  });

  it('fails when from names another account than the one the signature recovers to', async () => {
    const raw = await signed({ ...common, chainId: 1, ...fees, type: 'eip1559' });
    const verdict = await verifyTransactionSignature({ ...rpcObject(raw), from: to });
    expect(verdict).toEqual({
      kind: 'broken',
      hash: keccak256(raw),
      problems: [`the signature recovers to ${sender}, but from is ${to}`],
    });
  });

  it('fails when a field was changed after signing: another signer, another hash', async () => {
    const raw = await signed({ ...common, chainId: 1, ...fees, type: 'eip1559' });
    const verdict = await verifyTransactionSignature({ ...rpcObject(raw), value: '0x1' });
    expect(verdict.kind).toBe('broken');
    const problems = verdict.kind === 'broken' ? verdict.problems : [];
    expect(problems[0]).toMatch(/^keccak256 of the re-encoded signed transaction is 0x[0-9a-f]{64}, not the/);
    expect(problems[1]).toMatch(/^the signature recovers to 0x[0-9a-f]{40}, but from is /);
  });

  it('fails on a high-s signature (EIP-2) and on r = 0', async () => {
    const raw = await signed({ ...common, chainId: 1, ...fees, type: 'eip1559' });
    const tx = rpcObject(raw);
    const highS = toHex(secp256k1Order - BigInt(tx.s as string));
    const high = await verifyTransactionSignature({ ...tx, s: highS });
    expect(high.kind === 'broken' && high.problems.join('; ')).toContain('upper half of the curve order');
    const zero = await verifyTransactionSignature({ ...tx, r: '0x0' });
    expect(zero.kind === 'broken' && zero.problems.join('; ')).toContain('lies outside [1, n−1]');
  });

  it('names a missing or malformed field', async () => {
    const raw = await signed({ ...common, chainId: 1, ...fees, type: 'eip1559' });
    const { maxFeePerGas: _, ...withoutFee } = rpcObject(raw);
    expect(await verifyTransactionSignature(withoutFee)).toMatchObject({
      kind: 'broken',
      problems: ['field maxFeePerGas missing'],
    });
    expect(await verifyTransactionSignature({ ...rpcObject(raw), from: undefined })).toMatchObject({
      kind: 'broken',
      problems: ['from is not a 20-byte address (undefined)'],
    });
  });

  it('refuses a legacy chainId that contradicts v', async () => {
    const raw = await signed({ ...common, chainId: 31337, gasPrice: 2n, type: 'legacy' });
    expect(rebuildSignedTransaction({ ...rpcObject(raw), chainId: '0x1' })).toMatchObject({
      kind: 'malformed',
      field: 'chainId',
    });
  });

  it('leaves types it cannot rebuild unverified, saying so', async () => {
    const verdict = await verifyTransactionSignature({ type: '0x7e', hash: `0x${'11'.repeat(32)}` });
    expect(verdict).toMatchObject({ kind: 'unsupported', type: '0x7e' });
  });
});
