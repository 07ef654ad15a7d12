import type { Capability } from '#core/adapter/Capability.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import type { CryptoSuite, TargetInfo } from '#core/adapter/TargetInfo.ts';
import { MalformedAnswerError, NotAChainEndpointError, RpcCallError } from '#core/errors/TargetError.ts';
import type { AdapterConnection } from '#core/registry/Registry.ts';
import { createEvmAccounts } from './createEvmAccounts.ts';
import { createEvmConsensus, type EvmConsensusOptions } from './createEvmConsensus.ts';
import {
  createEvmGovernance,
  type EvmGovernanceFeature,
  type EvmGovernanceOptions,
} from './createEvmGovernance.ts';
import { createEvmTransactions } from './createEvmTransactions.ts';
import { createFeeOracle } from './createFeeOracle.ts';
import { createJsonRpcTransport } from './createJsonRpcTransport.ts';
import { createLocalKeyring } from './createLocalKeyring.ts';
import { createRpcClient } from './createRpcClient.ts';
import { getBlock } from './getBlock.ts';
import { headerHashFor } from './headerHashFor.ts';
import { parseRpcResult } from './parseRpcResult.ts';
import { HexSchema, QuantitySchema } from './RpcSchemas.ts';
import { recomputeBlockHash } from './recomputeBlockHash.ts';
import { recomputeTxRoot } from './recomputeTxRoot.ts';

export interface CreateEvmAdapterOptions extends AdapterConnection {
  /** Deadline of each request. @default 10_000 */
  readonly timeoutMs?: number;
  /** @default 16 MiB: a full block of a busy chain fits; anything larger is refused */
  readonly maxResponseBytes?: number;
  /**
   * The chain's BFT engine, whose validator API and block seals the harness reads
   * (`consensus.validators`). @default - none: consensus checks skip (dev nodes have no validators)
   */
  readonly consensus?: EvmConsensusOptions;
  /**
   * The chain's governance system contract and the admin key that acts through it
   * (`governance.freeze`, `perm.write`, `contract.lifecycle` per `features`). @default - none:
   * governance checks skip (dev nodes have no governance)
   */
  readonly governance?: EvmGovernanceOptions;
}

/** The capability each part of the governance interface gives (vendors.md §3 names where it has them). */
const governanceCapability = {
  'account-freeze': 'governance.freeze',
  permissions: 'perm.write',
  'contract-lifecycle': 'contract.lifecycle',
} as const satisfies Record<EvmGovernanceFeature, Capability>;
const governanceFeatures = Object.keys(governanceCapability) as EvmGovernanceFeature[];

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
  'account.balance',
  'account.nonce',
  'account.fund',
];

/**
 * Connects to an Ethereum JSON-RPC endpoint and fingerprints it (chain id, client version, genesis
 * hash). Fails with one line when nothing answers or the answer is not a chain's. Every EVM-only
 * part (storage slots, raw RPC, mining control) sits behind its capability.
 */
export async function createEvmAdapter(options: CreateEvmAdapterOptions): Promise<ChainAdapter> {
  const transportOptions = {
    url: options.url,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxResponseBytes: options.maxResponseBytes ?? 16 * 1024 * 1024,
    caCertPem: options.caCertPem,
  };
  const transport = createJsonRpcTransport(transportOptions);
  const client = createRpcClient(transport);
  const { endpoint } = client;
  const keyring = createLocalKeyring(options.signer.privateKey);

  let chainId: bigint;
  try {
    chainId = parseRpcResult(QuantitySchema, await client.call('eth_chainId', []), 'eth_chainId', endpoint);
  } catch (error) {
    if (error instanceof RpcCallError || error instanceof MalformedAnswerError) {
      throw new NotAChainEndpointError(
        `${endpoint} is not an EVM JSON-RPC endpoint: ${error.shortMessage}; check that the URL is the node's JSON-RPC endpoint`,
        {
          cause: error,
          endpoint,
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
  if (!genesis) {
    throw new NotAChainEndpointError(
      `${endpoint} has no genesis block (eth_getBlockByNumber(0) returned null)`,
      {
        endpoint,
      },
    );
  }

  const info: TargetInfo = {
    family: 'evm',
    endpoint,
    chainId: chainId.toString(),
    clientVersion,
    genesisHash: genesis.hash,
    cryptoSuite: options.cryptoSuite ?? ('secp256k1-keccak256' satisfies CryptoSuite),
    embedded: options.embedded ?? false,
  };
  const capabilities = new Set<Capability>(baseCapabilities);
  if (options.embedded) capabilities.add('control.mining');
  if (options.nodeControl) capabilities.add('node.control');
  if (options.consensus) capabilities.add('consensus.validators');
  for (const feature of options.governance ? (options.governance.features ?? governanceFeatures) : [])
    capabilities.add(governanceCapability[feature]);
  const hashHeader = headerHashFor(info.cryptoSuite);
  const feeOracle = createFeeOracle(client);

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
    identities: { primary: keyring.primary, derive: keyring.derive },
    transactions: {
      ...createEvmTransactions(client, info.chainId, keyring, feeOracle),
      rawSubmitTarget: () => transportOptions,
    },
    accounts: createEvmAccounts(client, feeOracle),
    evm: {
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
    rpc: { request: client.request, requestOnce: client.requestOnce, sendBody: client.sendBody },
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
    ...(options.nodeControl ? { nodes: options.nodeControl } : {}),
    ...(options.consensus ? { consensus: createEvmConsensus(client, options.consensus) } : {}),
    ...(options.governance
      ? {
          governance: createEvmGovernance(client, info.chainId, feeOracle, {
            ...options.governance,
            adminPrivateKey: options.governance.adminPrivateKey ?? options.signer.privateKey,
          }),
        }
      : {}),
    async close() {
      // The kept-alive connections, and the signing threads of load pre-signing (if any were started).
      transport.close();
      await keyring.close();
    },
  };
}
