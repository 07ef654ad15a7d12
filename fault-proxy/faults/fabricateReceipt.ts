import type { UpstreamClient } from '../UpstreamClient.ts';

/** The fields of a transaction a fabricated receipt repeats. */
export interface FabricatedTxFields {
  readonly hash: string;
  readonly from: string;
  readonly to: string | null;
  readonly gas: bigint;
  /** EIP-2718 type as a JSON-RPC quantity, e.g. "0x2". */
  readonly type: string;
  /** What the sender pays per gas (legacy gasPrice, or the 1559 max fee). */
  readonly pricePerGas: bigint;
}

const emptyBloom = `0x${'00'.repeat(256)}`;

/**
 * A well-formed, successful receipt placing `tx` first in the chain's latest block, for faults that
 * make a node claim it included a transaction it did not. Undefined when the chain's head cannot be
 * read (the fault then does not apply).
 */
export async function fabricateReceipt(
  upstream: UpstreamClient,
  tx: FabricatedTxFields,
): Promise<Record<string, unknown> | undefined> {
  const head = await upstream.call('eth_getBlockByNumber', ['latest', false]);
  if (typeof head !== 'object' || head === null) return undefined;
  const { number, hash } = head as { number?: unknown; hash?: unknown };
  if (typeof number !== 'string' || typeof hash !== 'string') return undefined;
  const gasUsed = `0x${(tx.gas < 21_000n ? tx.gas : 21_000n).toString(16)}`;
  return {
    transactionHash: tx.hash,
    transactionIndex: '0x0',
    blockHash: hash,
    blockNumber: number,
    from: tx.from,
    to: tx.to,
    cumulativeGasUsed: gasUsed,
    gasUsed,
    contractAddress: null,
    logs: [],
    logsBloom: emptyBloom,
    status: '0x1',
    effectiveGasPrice: `0x${tx.pricePerGas.toString(16)}`,
    type: tx.type,
  };
}
