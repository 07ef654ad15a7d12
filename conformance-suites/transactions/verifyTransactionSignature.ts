import { recoverAddress, toHex } from 'viem';
import { rebuildSignedTransaction, secp256k1Order } from './rebuildSignedTransaction.ts';

/** What the harness concluded about one transaction's signature. */
export type SignatureVerdict =
  /** The signature recovers to the reported `from` and the encoding hashes to the reported `hash`. */
  | { readonly kind: 'bound'; readonly hash: string; readonly from: string; readonly type: number }
  /** It does not: each problem says which comparison failed, with both values. */
  | { readonly kind: 'broken'; readonly hash: string; readonly problems: readonly string[] }
  /** A type the harness cannot rebuild: neither verified nor refuted. */
  | { readonly kind: 'unsupported'; readonly hash: string; readonly type: string; readonly reason: string };

/**
 * TX-01's comparison for one transaction object: rebuild the signing payload from its fields,
 * recover the secp256k1 signer and compare it with `from`, and compare keccak256 of the re-encoded
 * signed transaction with `hash`. Also refuses signatures no valid transaction can carry: r or s
 * outside [1, n−1], and s above n/2 (EIP-2, enforced by every client since Homestead).
 */
export async function verifyTransactionSignature(
  tx: Readonly<Record<string, unknown>>,
): Promise<SignatureVerdict> {
  const hash = typeof tx.hash === 'string' ? tx.hash.toLowerCase() : `(hash ${JSON.stringify(tx.hash)})`;
  const rebuilt = rebuildSignedTransaction(tx);
  if (rebuilt.kind === 'unsupported') return { ...rebuilt, hash };
  if (rebuilt.kind === 'malformed') {
    return { kind: 'broken', hash, problems: [`field ${rebuilt.field} ${rebuilt.problem}`] };
  }
  const problems: string[] = [];
  const reportedFrom = tx.from;
  if (typeof reportedFrom !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(reportedFrom)) {
    problems.push(`from is not a 20-byte address (${JSON.stringify(reportedFrom)?.slice(0, 60)})`);
  }
  if (typeof tx.hash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(tx.hash)) {
    problems.push(`hash is not a 32-byte hash (${JSON.stringify(tx.hash)?.slice(0, 80)})`);
  } else if (rebuilt.hash !== hash) {
    problems.push(`keccak256 of the re-encoded signed transaction is ${rebuilt.hash}, not the reported hash`);
  }
  const { r, s, yParity } = rebuilt.signature;
  if (r < 1n || r >= secp256k1Order || s < 1n || s >= secp256k1Order) {
    problems.push(
      `r or s lies outside [1, n−1], so no key made this signature (r=${toHex(r)}, s=${toHex(s)})`,
    );
    return { kind: 'broken', hash, problems };
  }
  if (s > secp256k1Order / 2n) {
    problems.push(`s = ${toHex(s)} lies in the upper half of the curve order, which EIP-2 forbids`);
  }
  let recovered: string;
  try {
    recovered = (
      await recoverAddress({
        hash: rebuilt.signingHash,
        signature: { r: toHex(r, { size: 32 }), s: toHex(s, { size: 32 }), yParity },
      })
    ).toLowerCase();
  } catch (error) {
    problems.push(
      `the signature recovers to no public key (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    );
    return { kind: 'broken', hash, problems };
  }
  if (typeof reportedFrom === 'string' && recovered !== reportedFrom.toLowerCase()) {
    problems.push(`the signature recovers to ${recovered}, but from is ${reportedFrom.toLowerCase()}`);
  }
  if (problems.length > 0) return { kind: 'broken', hash, problems };
  return { kind: 'bound', hash, from: recovered, type: rebuilt.type };
}
