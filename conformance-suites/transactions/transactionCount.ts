import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import type { RpcTrace } from '../contracts/createRpcTrace.ts';

/** The account's pending transaction count as the node reports it, or the verdict when it cannot be read. */
export async function pendingNonce(trace: RpcTrace, address: string): Promise<bigint | CheckOutcome> {
  return transactionCount(trace, address, 'pending');
}

/** eth_getTransactionCount(address, tag), validated; an unreadable answer is the verdict instead. */
export async function transactionCount(
  trace: RpcTrace,
  address: string,
  tag: string,
): Promise<bigint | CheckOutcome> {
  const answer = await trace.request('eth_getTransactionCount', [address, tag]);
  if (answer.kind === 'result' && typeof answer.result === 'string' && /^0x[0-9a-fA-F]+$/.test(answer.result))
    return BigInt(answer.result);
  if (answer.kind === 'error') {
    return {
      status: 'error',
      summary: `eth_getTransactionCount(${address}, ${tag}) was refused: ${answer.error.code} "${answer.error.message.slice(0, 160)}"`,
      evidence: { rpc: trace.exchanges() },
    };
  }
  return {
    status: 'fail',
    summary: `eth_getTransactionCount(${address}, ${tag}) answered ${JSON.stringify(answer.result)?.slice(0, 80)}, not a hex quantity`,
    evidence: { rpc: trace.exchanges() },
  };
}
