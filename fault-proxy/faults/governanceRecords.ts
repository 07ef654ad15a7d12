import {
  decodeFunctionResult,
  encodeFunctionResult,
  type Hex,
  toEventSelector,
  toFunctionSelector,
} from 'viem';
import { governanceInterfaceAbi } from '#adapters/evm/governanceInterfaceAbi.ts';
import type { JsonRpcResponse } from '../JsonRpcMessage.ts';
import type { ResponseRewriter } from '../ResponseRewriter.ts';

/** topic0 of every event of the governance interface (adapters/evm/governanceInterfaceAbi.ts). */
const governanceTopics = new Set<string>(
  governanceInterfaceAbi.filter((e) => e.type === 'event').map((e) => toEventSelector(e)),
);

const isGovernanceLog = (log: unknown): boolean => {
  const topics = (log as { topics?: unknown } | null)?.topics;
  return (
    Array.isArray(topics) && typeof topics[0] === 'string' && governanceTopics.has(topics[0].toLowerCase())
  );
};

function withoutGovernanceLogs(logs: unknown): unknown[] | undefined {
  if (!Array.isArray(logs) || !logs.some(isGovernanceLog)) return undefined;
  return logs.filter((log) => !isGovernanceLog(log));
}

function strippedReceipt(receipt: unknown): unknown {
  if (typeof receipt !== 'object' || receipt === null) return receipt;
  const logs = withoutGovernanceLogs((receipt as { logs?: unknown }).logs);
  return logs ? { ...receipt, logs } : receipt;
}

/**
 * intervention-log-dropped (GOV-02; JR/T 0184-2020 17.3.2.5): eth_getLogs answers omit the events of
 * the governance interface, while receipts keep them — interventions happened, but the chain's history
 * query cannot find them.
 */
export const interventionLogDropped: ResponseRewriter = (request, response) => {
  if (request.method !== 'eth_getLogs') return response;
  const logs = withoutGovernanceLogs(response.result);
  return logs ? { ...response, result: logs } : response;
};

/**
 * freeze-not-recorded (GOV-02; JR/T 0184-2020 17.3.2.5): governance events are dropped from receipts
 * (eth_getTransactionReceipt, eth_getBlockReceipts) and from eth_getLogs — freezes and other
 * interventions take effect but leave no record on the ledger a client can read.
 */
export const freezeNotRecorded: ResponseRewriter = (request, response, state) => {
  if (request.method === 'eth_getTransactionReceipt') {
    const receipt = strippedReceipt(response.result);
    return receipt === response.result ? response : { ...response, result: receipt };
  }
  if (request.method === 'eth_getBlockReceipts' && Array.isArray(response.result)) {
    const receipts = response.result.map(strippedReceipt);
    return receipts.some((r, i) => r !== (response.result as unknown[])[i])
      ? { ...response, result: receipts }
      : response;
  }
  return interventionLogDropped(request, response, state);
};

const getGovernors = toFunctionSelector('getGovernors()');

/**
 * intervention-rights-not-split (GOV-03; JR/T 0184-2020 17.3.2.4): eth_call of the governance
 * interface's getGovernors() answers only its first holder — one identity holds every intervention
 * right.
 */
export const interventionRightsNotSplit: ResponseRewriter = (request, response) => {
  if (request.method !== 'eth_call' || !Array.isArray(request.params)) return response;
  const data = (request.params[0] as { data?: unknown; input?: unknown } | undefined) ?? {};
  const input = typeof data.data === 'string' ? data.data : data.input;
  if (typeof input !== 'string' || !input.toLowerCase().startsWith(getGovernors)) return response;
  if (typeof response.result !== 'string') return response;
  let holders: readonly Hex[];
  try {
    holders = decodeFunctionResult({
      abi: governanceInterfaceAbi,
      functionName: 'getGovernors',
      data: response.result as Hex,
    });
  } catch {
    return response;
  }
  if (holders.length < 2) return response;
  return withResult(
    response,
    encodeFunctionResult({
      abi: governanceInterfaceAbi,
      functionName: 'getGovernors',
      result: holders.slice(0, 1),
    }),
  );
};

function withResult(response: JsonRpcResponse, result: unknown): JsonRpcResponse {
  return { ...response, result };
}
