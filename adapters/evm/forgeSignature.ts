import { type Hex, parseTransaction, serializeTransaction, type TransactionSerializable } from 'viem';

/**
 * The same transaction with r = 0: no private key produces that signature (secp256k1 requires
 * 0 < r < n, SEC 1 §4.1.4), so every node must refuse it, whatever the sender's funds.
 */
export function forgeSignature(raw: Hex): Hex {
  const tx = parseTransaction(raw);
  const {
    r: _r,
    s,
    v,
    yParity,
    ...unsigned
  } = tx as typeof tx & { r: Hex; s: Hex; v?: bigint; yParity?: number };
  const zero = `0x${'0'.repeat(64)}` as Hex;
  const signature = yParity === undefined ? { r: zero, s, v: v ?? 27n } : { r: zero, s, yParity };
  return serializeTransaction(unsigned as TransactionSerializable, signature);
}
