import type { RawRpcApi } from '#core/adapter/ChainAdapter.ts';
import { createRpcReader, type RpcLog, type RpcReader } from './createRpcReader.ts';

/** What a reader needs of an endpoint's adapter. */
export interface RpcEndpoint {
  readonly rpc: RawRpcApi;
  readonly info: { readonly endpoint: string };
}

/** One reader per endpoint of the network (first `--target` first), all recording into `log`. */
export function networkReaders(network: readonly RpcEndpoint[], log: RpcLog): RpcReader[] {
  return network.map((adapter, index) => createRpcReader(adapter.rpc, index, adapter.info.endpoint, log));
}
