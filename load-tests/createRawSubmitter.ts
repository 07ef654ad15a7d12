import type { HttpExchange, JsonRpcTransport } from '#adapters/evm/createJsonRpcTransport.ts';
import { createRpcClient } from '#adapters/evm/createRpcClient.ts';
import { submitOutcomeOf } from '#adapters/evm/submitOutcomeOf.ts';
import type { Hex, SubmitOutcome } from '#core/adapter/ChainAdapter.ts';

/** The usual acknowledgement, in the field order geth, anvil and Hardhat write it. */
const plainAck = /^\{"jsonrpc":"2\.0","id":\d+,"result":"(0x[0-9a-fA-F]{64})"\}\s*$/;

/**
 * eth_sendRawTransaction with the EVM adapter's semantics (adapters/evm/createEvmTransactions.ts,
 * `submit`), for senders that hold only signed bytes and a transport (sender worker threads, which
 * cannot be handed the adapter). The usual answer, HTTP 200 with a 32-byte hash, is recognised by
 * one strict pattern instead of JSON.parse and two schema parses, which at 10k tx/s were a good
 * part of a sender's time; every other answer goes through the RPC client's own interpretation
 * (malformed answers, JSON-RPC and HTTP errors) and the adapter's own reading of it
 * (submitOutcomeOf), as the adapter's submit does.
 */
export function createRawSubmitter(transport: JsonRpcTransport): (raw: Hex) => Promise<SubmitOutcome> {
  let nextId = 1;
  return async (raw) => {
    const body = `{"jsonrpc":"2.0","id":${nextId++},"method":"eth_sendRawTransaction","params":[${JSON.stringify(raw)}]}`;
    const exchange = await transport.post(body);
    const ack = exchange.status === 200 ? plainAck.exec(exchange.body) : null;
    if (ack) return { accepted: true, txId: ack[1]!.toLowerCase() };
    return submitOutcomeOf(
      await createRpcClient(replaying(transport.endpoint, exchange)).sendBody(body),
      transport.endpoint,
    );
  };
}

/** A transport that answers with an exchange already made: the client interprets it, sends nothing. */
function replaying(endpoint: string, exchange: HttpExchange): JsonRpcTransport {
  return {
    endpoint,
    post: async () => exchange,
    postOnce: async () => exchange,
    close: () => {},
  };
}
