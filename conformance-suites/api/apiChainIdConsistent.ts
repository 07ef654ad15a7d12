import type { RawRpcApi } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { chainIdOfTransaction } from './chainIdOfTransaction.ts';

/** Calls of eth_chainId per endpoint: enough to see an answer that alternates. */
const chainIdCalls = 6;
const netVersionCalls = 3;
/** Blocks read back from the head for transactions, and transactions judged at most. */
const blocksBack = 16n;
const maxTransactions = 20;

const uint = /^0x(0|[1-9a-f][0-9a-f]*)$/;
const decimal = /^(0|[1-9][0-9]*)$/;

async function answers(rpc: RawRpcApi, method: string, count: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const outcome = await rpc.request(method, []);
    out.push(
      outcome.kind === 'result'
        ? typeof outcome.result === 'string'
          ? outcome.result
          : JSON.stringify(outcome.result)
        : `(${outcome.kind === 'error' ? `error ${outcome.error.code}` : `HTTP ${outcome.httpStatus}`})`,
    );
  }
  return out;
}

/**
 * API-08 (chaineval extension) — JR/T 0184-2020 7.7 (interfaces well-defined) and 6.3.2 (replay
 * resistance rests on the chain id): the chain id a client signs for must be one stable fact. A
 * wallet reads eth_chainId and signs with it (EIP-155, EIP-2718); an endpoint that answers two ids,
 * or ledger transactions bound to another id than the one announced, make clients sign transactions
 * another chain accepts, or that this one refuses.
 *
 * Comparison policy: on every endpoint, eth_chainId answered six times is one valid quantity, the
 * same on every endpoint and equal to the id seen when the run connected. net_version, where served,
 * is a decimal string, stable and the same on every endpoint; whether it equals the chain id is
 * recorded, not judged (it is the network id, which nodes may set apart: ganache 7.9.2 answers a
 * timestamp). Every transaction in the last 16 blocks (up to 20; the step sends a self-transfer when
 * there is none) is bound to the announced id (typed: chainId; legacy: EIP-155 v); pre-EIP-155
 * transactions are recorded, not judged.
 */
export const apiChainIdConsistent = defineCheck({
  id: 'api-chain-id-consistent',
  catalogueId: 'API-08',
  kind: 'conformance',
  title: { zh: '链标识一致且稳定', en: 'Chain id is stable, the same on every endpoint and in transactions' },
  requires: ['rpc.jsonrpc', 'block.read', 'tx.clientSign', 'tx.receipts'],
  parameters: [receiptTimeoutMs],
  faults: ['chain-id-flapping'],
  budget: () => [{ kind: 'transfer', count: 1 }],
  description:
    'Asks eth_chainId six times and net_version three times on every endpoint, and reads the chain id every ' +
    'transaction of the last 16 blocks is bound to (typed: chainId; legacy: EIP-155 v). Passes when eth_chainId is ' +
    'one valid quantity everywhere, equal to the id seen at connection, net_version (where served) is stable and ' +
    'equal across endpoints, and every transaction is bound to that id.',
  failsWhen:
    'eth_chainId answers differ between calls or endpoints, or from the id seen at connection, or are malformed; ' +
    'net_version changes between calls or endpoints; or a transaction is bound to another chain id.',
  async run({ adapter, network, params, account }) {
    const announced = BigInt(adapter.info.chainId);
    const endpoints = [];
    for (const [index, endpoint] of network.entries()) {
      endpoints.push({
        index,
        endpoint: endpoint.info.endpoint,
        eth_chainId: await answers(endpoint.rpc, 'eth_chainId', chainIdCalls),
        net_version: await answers(endpoint.rpc, 'net_version', netVersionCalls),
      });
    }
    const problems: string[] = [];
    for (const e of endpoints) {
      const bad = e.eth_chainId.filter((a) => !uint.test(a));
      if (bad.length > 0)
        problems.push(
          `endpoint ${e.index} eth_chainId answered ${[...new Set(bad)].join(', ')}, not a quantity`,
        );
      const wrong = [...new Set(e.eth_chainId.filter((a) => uint.test(a) && BigInt(a) !== announced))];
      if (wrong.length > 0)
        problems.push(
          `endpoint ${e.index} eth_chainId answered ${wrong.join(', ')} besides the announced 0x${announced.toString(16)} (${e.eth_chainId.join(' ')})`,
        );
    }
    const served = endpoints.filter((e) => e.net_version.some((a) => !a.startsWith('(')));
    for (const e of served) {
      const values = [...new Set(e.net_version)];
      if (values.length > 1)
        problems.push(`endpoint ${e.index} net_version changed between calls: ${values.join(', ')}`);
      const bad = values.filter((a) => !decimal.test(a));
      if (bad.length > 0)
        problems.push(`endpoint ${e.index} net_version answered ${bad.join(', ')}, not a decimal string`);
    }
    const networkIds = [...new Set(served.map((e) => e.net_version[0]))];
    if (networkIds.length > 1)
      problems.push(`the endpoints answer different net_version: ${networkIds.join(', ')}`);

    // Transactions on the ledger: each is bound to the announced chain id.
    const head = await adapter.ledger.getHeight();
    const txs: Record<string, unknown>[] = [];
    for (let n = head; n >= 0n && n > head - blocksBack && txs.length < maxTransactions; n--) {
      const block = await adapter.rpc.request('eth_getBlockByNumber', [`0x${n.toString(16)}`, true]);
      const list =
        block.kind === 'result'
          ? (block.result as { transactions?: unknown } | null)?.transactions
          : undefined;
      if (Array.isArray(list))
        for (const tx of list)
          if (typeof tx === 'object' && tx !== null && txs.length < maxTransactions)
            txs.push(tx as Record<string, unknown>);
    }
    let sent: string | undefined;
    if (txs.length === 0) {
      const signed = await adapter.transactions.sign(
        { kind: 'transfer', to: account.address, amount: 0n },
        account,
      );
      const answer = await adapter.transactions.submit(signed);
      if (!answer.accepted)
        problems.push(
          `the node refused a self-transfer signed for chain ${announced}: ${answer.error.code} ${answer.error.message}`,
        );
      else if ((await adapter.transactions.awaitOutcome(answer.txId, params.receiptTimeoutMs)) === null)
        problems.push(
          `the self-transfer ${answer.txId} signed for chain ${announced} is not on the ledger after ${params.receiptTimeoutMs} ms`,
        );
      else {
        sent = answer.txId;
        const tx = await adapter.rpc.request('eth_getTransactionByHash', [answer.txId]);
        if (tx.kind === 'result' && typeof tx.result === 'object' && tx.result !== null)
          txs.push(tx.result as Record<string, unknown>);
        else
          problems.push(
            `eth_getTransactionByHash(${answer.txId}) answered ${JSON.stringify(tx).slice(0, 100)}`,
          );
      }
    }
    const bindings = txs.map((tx) => ({
      hash: String(tx.hash),
      type: String(tx.type ?? '0x0'),
      binding: chainIdOfTransaction(tx),
    }));
    for (const b of bindings) {
      if (b.binding.kind === 'unreadable') problems.push(`transaction ${b.hash}: ${b.binding.reason}`);
      else if (b.binding.kind === 'bound' && b.binding.chainId !== announced)
        problems.push(
          `transaction ${b.hash} is bound to chain ${b.binding.chainId} (by ${b.binding.from}), the node announces ${announced}`,
        );
    }
    const unprotected = bindings.filter((b) => b.binding.kind === 'unprotected').map((b) => b.hash);
    const evidence = {
      announcedChainId: adapter.info.chainId,
      endpoints,
      netVersionEqualsChainId: served.map((e) => ({
        index: e.index,
        equal: e.net_version[0] === announced.toString(),
      })),
      transactions: bindings.map((b) => ({
        hash: b.hash,
        type: b.type,
        binding:
          b.binding.kind === 'bound' ? `chain ${b.binding.chainId} by ${b.binding.from}` : b.binding.kind,
      })),
      ...(sent === undefined ? {} : { selfTransfer: sent }),
      unprotectedTransactions: unprotected,
    };
    const expected = {
      eth_chainId: `0x${announced.toString(16)} on every call and endpoint`,
      net_version: 'stable and equal across endpoints, where served',
      transactions: `bound to chain ${announced}`,
    };
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual: problems, evidence };
    const networkNote =
      served.length === 0
        ? 'net_version not served'
        : `net_version ${networkIds[0]}${networkIds[0] === announced.toString() ? ' (= chain id)' : ' (differs from the chain id; recorded, not judged)'}`;
    return {
      status: 'pass',
      summary: `eth_chainId 0x${announced.toString(16)} on ${endpoints.length * chainIdCalls} calls over ${endpoints.length} endpoint(s), ${networkNote}, ${bindings.length} transaction(s) bound to chain ${announced}${unprotected.length > 0 ? ` (${unprotected.length} pre-EIP-155, unbound: recorded)` : ''}`,
      expected,
      actual: 'consistent',
      evidence,
    };
  },
});
