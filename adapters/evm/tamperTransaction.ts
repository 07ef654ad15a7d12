import { type Hex, parseTransaction, serializeTransaction, type TransactionSerializable } from 'viem';

/**
 * The same signed transaction with its value raised by one wei and its signature kept: the payload
 * no longer matches what was signed, so a node that verifies signatures recovers a different
 * (unfunded, unknown) sender or rejects it outright (JR/T 0184 8.3, catalogue TX-04).
 */
export function tamperTransaction(raw: Hex): Hex {
  const tx = parseTransaction(raw);
  const { r, s, v, yParity, ...unsigned } = tx as typeof tx & {
    r: Hex;
    s: Hex;
    v?: bigint;
    yParity?: number;
  };
  const signature = yParity === undefined ? { r, s, v: v ?? 27n } : { r, s, yParity };
  const tampered = { ...unsigned, value: (unsigned.value ?? 0n) + 1n } as TransactionSerializable;
  return serializeTransaction(tampered, signature);
}
