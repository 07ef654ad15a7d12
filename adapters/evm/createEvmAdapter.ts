import type { Hex } from 'viem';
import type { Capability } from '#core/adapter/Capability.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import type { CryptoSuite, TargetInfo } from '#core/adapter/TargetInfo.ts';
import { NotAChainEndpointError, TargetError } from '#core/errors/TargetError.ts';
import { createEvmTransactions } from './createEvmTransactions.ts';
import { createJsonRpcTransport } from './createJsonRpcTransport.ts';
import { createRpcClient } from './createRpcClient.ts';
import { getBlock } from './getBlock.ts';
import { headerHashFor } from './headerHashFor.ts';
import { parseRpcResult } from './parseRpcResult.ts';
import { HexSchema, QuantitySchema } from './RpcSchemas.ts';
import { recomputeBlockHash } from './recomputeBlockHash.ts';
import { recomputeTxRoot } from './recomputeTxRoot.ts';
import { redactUrl } from './redactUrl.ts';

export interface CreateEvmAdapterOptions {
  readonly url: string;
  /** Key of a funded account; kept in the adapter, never printed or stored. */
  readonly privateKey: Hex;
  /** True when chaineval started the chain and may switch its mining mode. @default false */
  readonly embedded?: boolean;
  /** What the target declares; Ethereum-family chains use secp256k1 + keccak256. @default 'secp256k1-keccak256' */
  readonly cryptoSuite?: CryptoSuite;
  /** Extra CA (PEM) trusted for an https endpoint. @default - the system CAs only */
  readonly caCertPem?: string;
  /** @default 10_000 */
  readonly timeoutMs?: number;
  /** @default 16 MiB: a full block of a busy chain fits; anything larger is refused */
  readonly maxResponseBytes?: number;
}

const baseCapabilities: readonly Capability[] = [
  'block.read',
  'block.parentLink',
  'block.header.hash',
  'block.txRoot',
  'tx.clientSign',
  'tx.chainIdBinding',
  'tx.tamper',
  'tx.receipts',
  'contract.evm',
  'rpc.jsonrpc',
];

/**
 * Connects to an Ethereum JSON-RPC endpoint and fingerprints it (chain id, client version, genesis
 * hash). Fails with one line when nothing answers or the answer is not a chain's.
 */
export async function createEvmAdapter(options: CreateEvmAdapterOptions): Promise<ChainAdapter> {
  const transport = createJsonRpcTransport({
    url: options.url,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxResponseBytes: options.maxResponseBytes ?? 16 * 1024 * 1024,
    caCertPem: options.caCertPem,
  });
  const endpoint = redactUrl(options.url);
  const client = createRpcClient(endpoint, transport);

  let chainId: number;
  try {
    chainId = Number(
      parseRpcResult(QuantitySchema, await client.call('eth_chainId', []), 'eth_chainId', endpoint),
    );
  } catch (error) {
    if (
      error instanceof TargetError &&
      !(error instanceof NotAChainEndpointError) &&
      /eth_chainId (failed|on)/.test(error.shortMessage)
    ) {
      throw new NotAChainEndpointError(
        `${endpoint} is not an EVM JSON-RPC endpoint: eth_chainId ${error.shortMessage.replace(/^.*?: /, '')}`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  const versionOutcome = await client.request('web3_clientVersion', []);
  const clientVersion =
    versionOutcome.kind === 'result' && typeof versionOutcome.result === 'string'
      ? versionOutcome.result.slice(0, 200)
      : 'unknown';
  const genesis = await getBlock(client, 0n);
  if (!genesis)
    throw new NotAChainEndpointError(
      `${endpoint} has no genesis block (eth_getBlockByNumber(0) returned null)`,
    );

  const info: TargetInfo = {
    family: 'evm',
    endpoint,
    chainId,
    clientVersion,
    genesisHash: genesis.hash,
    cryptoSuite: options.cryptoSuite ?? 'secp256k1-keccak256',
    embedded: options.embedded ?? false,
  };
  const capabilities = new Set<Capability>(baseCapabilities);
  if (options.embedded) capabilities.add('control.mining');

  const hashHeader = headerHashFor(info.cryptoSuite);
  return {
    info,
    capabilities,
    ...(options.caCertPem === undefined ? {} : { caCertPem: options.caCertPem }),
    ledger: {
      async getHeight() {
        return parseRpcResult(
          QuantitySchema,
          await client.call('eth_blockNumber', []),
          'eth_blockNumber',
          endpoint,
        );
      },
      getBlock: (number) => getBlock(client, number),
    },
    verifier: { recomputeBlockHash: (block) => recomputeBlockHash(block, hashHeader), recomputeTxRoot },
    transactions: createEvmTransactions(client, chainId, options.privateKey),
    contracts: {
      async getStorageAt(address, slot) {
        return parseRpcResult(
          HexSchema,
          await client.call('eth_getStorageAt', [address, slot, 'latest']),
          'eth_getStorageAt',
          endpoint,
        );
      },
      async getCode(address) {
        return parseRpcResult(
          HexSchema,
          await client.call('eth_getCode', [address, 'latest']),
          'eth_getCode',
          endpoint,
        );
      },
    },
    rpc: { request: client.request, sendBody: client.sendBody },
    ...(options.embedded
      ? {
          control: {
            // anvil: evm_setIntervalMining / evm_setAutomine (toolchain.md: automine stalls under load).
            async setIntervalMining(blockTimeS: number) {
              await client.call('evm_setIntervalMining', [blockTimeS]);
            },
            async setAutomine() {
              await client.call('evm_setIntervalMining', [0]);
              await client.call('evm_setAutomine', [true]);
            },
          },
        }
      : {}),
    async close() {
      // Stateless HTTP: nothing to release; kept for adapters with sockets or streams.
    },
  };
}
