import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  decodeFunctionData,
  decodeFunctionResult,
  encodeDeployData,
  encodeFunctionData,
  type Hex,
  parseTransaction,
  recoverTransactionAddress,
  toFunctionSelector,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { z } from 'zod';
import type { EvmConsensusOptions } from '#adapters/evm/createEvmConsensus.ts';
import type { EvmGovernanceOptions } from '#adapters/evm/createEvmGovernance.ts';
import { governanceInterfaceAbi } from '#adapters/evm/governanceInterfaceAbi.ts';
import { committedSealDigest, signCommitSeal } from '#adapters/evm/qbftCommitSeals.ts';
import { encodeQbftExtraData, type QbftExtraData } from '#adapters/evm/qbftExtraData.ts';
import type { BlockView } from '#core/adapter/ChainAdapter.ts';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import { type JsonRpcResponse, jsonRpcError } from '../JsonRpcMessage.ts';
import { type AdmissionRule, DefectSchema, defectMethod } from './EmulatorDefect.ts';
import { addressOfKey, emulatedGovernorKeys, emulatedValidatorKeys } from './emulatedChainKeys.ts';
import { loadChainGovernanceArtifact } from './loadChainGovernanceArtifact.ts';

/** Besu's answer to a transaction its permissioning refuses (RpcErrorType.TX_SENDER_NOT_AUTHORIZED). */
export const notAuthorizedCode = -32007;

export interface StartPermissionedChainOptions {
  /** The real chain (an embedded anvil: the emulator uses anvil_setCoinbase and impersonation). */
  readonly chainUrl: string;
  /** A funded key there: it deploys the governance contract, funds the governors and may deploy. */
  readonly fundingKey: Hex;
  /** @default 4 (3f + 1 with f = 1) */
  readonly validatorCount?: number;
  /** @default 2 (JR/T 0184-2020 17.3.2.4: intervention rights split across several users) */
  readonly governorCount?: number;
  /** @default - a free port */
  readonly port?: number;
}

export interface PermissionedChainEmulator {
  /** `http://127.0.0.1:<port>`: the emulated node's JSON-RPC. */
  readonly url: string;
  readonly governanceContract: Hex;
  /** Validator addresses, ascending. */
  readonly validators: readonly Hex[];
  readonly governors: readonly Hex[];
  readonly governorKeys: readonly Hex[];
  /** What createEvmAdapter needs to see this chain's consensus and governance (first governor as admin). */
  readonly adapterOptions: {
    readonly consensus: EvmConsensusOptions;
    readonly governance: EvmGovernanceOptions;
  };
  close(): Promise<void>;
}

type Rpc = (method: string, params: readonly unknown[]) => Promise<JsonRpcResponse>;

const governanceAbi = governanceInterfaceAbi;
const zeroVanity: Hex = `0x${'00'.repeat(32)}`;
const zeroWord: Hex = `0x${'00'.repeat(32)}`;
const upgradeSelector = toFunctionSelector('upgradeContract(address,bytes,string)');

/**
 * A Besu-QBFT-like permissioned chain emulated in front of a real anvil, for the tests of the
 * capability-gated checks (issue 7): it proves each check's logic against an endpoint that has the
 * capability; it is no evidence about any vendor.
 *
 * - consensus: `qbft_getValidatorsByBlockNumber` answers the configured validators; every block is
 *   served with QBFT extraData ([vanity, validators, no vote, round 0, commit seals]) whose seals the
 *   validators sign over Besu's committed-seal digest, and the coinbase rotates through the
 *   validators (anvil_setCoinbase). Block hashes stay anvil's, so like a real Besu BFT chain the
 *   served header no longer hashes to the block hash with the seals in it.
 * - governance: ChainGovernance.sol deployed at start (governors, deploy permission, account and
 *   contract status, an event per act) plus the node's admission check on eth_sendRawTransaction:
 *   a frozen or abolished sender, an unpermitted deployment, or a call into a frozen or abolished
 *   contract is refused with -32007, before the chain sees it.
 * Everything else is forwarded to anvil unchanged.
 */
export async function startPermissionedChainEmulator(
  options: StartPermissionedChainOptions,
): Promise<PermissionedChainEmulator> {
  const validatorKeys = emulatedValidatorKeys(options.validatorCount ?? 4);
  const validators = validatorKeys.map(addressOfKey);
  const governorKeys = emulatedGovernorKeys(options.governorCount ?? 2);
  const governors = governorKeys.map(addressOfKey);
  const rpc = createRpc(options.chainUrl);
  const funding = privateKeyToAccount(options.fundingKey);

  await must(rpc('anvil_setCoinbase', [validators[0]]), 'anvil_setCoinbase');
  const chainId = Number(BigInt(String(await must(rpc('eth_chainId', []), 'eth_chainId'))));
  const artifact = loadChainGovernanceArtifact();
  const deployHash = await sendFromFunding(rpc, funding, chainId, {
    data: encodeDeployData({
      abi: artifact.abi,
      bytecode: artifact.bytecode,
      args: [governors, [funding.address]],
    }),
    gas: 3_000_000n,
  });
  const receipt = (await waitForReceipt(rpc, deployHash)) as { contractAddress?: string; status?: string };
  if (receipt.status !== '0x1' || typeof receipt.contractAddress !== 'string')
    throw new EnvironmentError('the emulated chain could not deploy its governance contract', {
      details: JSON.stringify(receipt).slice(0, 500),
    });
  const governanceContract = receipt.contractAddress.toLowerCase() as Hex;
  for (const governor of governors) {
    await waitForReceipt(
      rpc,
      await sendFromFunding(rpc, funding, chainId, { to: governor, value: 10n ** 20n, gas: 21_000n }),
    );
  }

  let proposerTurn = 0;
  const sealCache = new Map<string, Record<string, unknown>>();
  const readGovernance = async (functionName: string, args: readonly unknown[]): Promise<unknown> => {
    const data = encodeFunctionData({ abi: governanceAbi, functionName, args } as Parameters<
      typeof encodeFunctionData
    >[0]);
    const answer = await rpc('eth_call', [{ to: governanceContract, data }, 'latest']);
    if (typeof answer.result !== 'string') throw new EnvironmentError(`emulator: ${functionName} failed`);
    return decodeFunctionResult({
      abi: governanceAbi,
      functionName,
      data: answer.result as Hex,
    } as Parameters<typeof decodeFunctionResult>[0]);
  };

  /** The node's admission check (Besu permissioning, FISCO deploy auth and contract status). */
  async function refusal(raw: Hex, skip: readonly AdmissionRule[]): Promise<string | undefined> {
    let sender: Hex;
    let to: Hex | undefined;
    try {
      to = parseTransaction(raw as never).to ?? undefined;
      sender = (
        await recoverTransactionAddress({ serializedTransaction: raw as never })
      ).toLowerCase() as Hex;
    } catch {
      return undefined; // not a transaction: the chain answers it
    }
    if (!skip.includes('account-status') && (await readGovernance('getAccountStatus', [sender])) !== 0)
      return 'Sender account not authorized to send transactions';
    if (to === undefined && !skip.includes('deploy-permission')) {
      if ((await readGovernance('hasPermission', [0, sender])) !== true)
        return 'Sender account not authorized to deploy contracts';
    }
    if (
      to !== undefined &&
      !skip.includes('contract-status') &&
      (await readGovernance('getContractStatus', [to])) !== 0
    )
      return 'Target contract is frozen or abolished';
    return undefined;
  }

  async function submit(
    id: unknown,
    raw: Hex,
    defect: z.output<typeof DefectSchema>,
  ): Promise<JsonRpcResponse> {
    const asAdmin = await governanceAsNodeAdmin(raw, defect.governanceAsNodeAdmin);
    if (asAdmin) return { ...asAdmin, id: id as never };
    const refused = await refusal(raw, defect.skip);
    if (refused) return jsonRpcError(id as never, notAuthorizedCode, refused);
    await rpc('anvil_setCoinbase', [validators[proposerTurn++ % validators.length]]);
    const reply = await rpc('eth_sendRawTransaction', [raw]);
    if (typeof reply.result === 'string') await applyUpgrade(raw, reply.result, defect.upgradeResetsState);
    return { ...reply, id: id as never };
  }

  /**
   * The platform's half of an upgrade: once upgradeContract is on the ledger, the target's code is
   * replaced (anvil_setCode), its storage kept — or, under the defect, slot 0 reset.
   */
  async function applyUpgrade(raw: Hex, txHash: string, resetState: boolean): Promise<void> {
    const tx = parseTransaction(raw as never);
    if (tx.to?.toLowerCase() !== governanceContract || !tx.data?.startsWith(upgradeSelector)) return;
    const receipt = (await waitForReceipt(rpc, txHash)) as { status?: string };
    if (receipt.status !== '0x1') return;
    const { args } = decodeFunctionData({ abi: governanceAbi, data: tx.data });
    const [target, code] = args as readonly [Hex, Hex, string];
    await must(rpc('anvil_setCode', [target, code]), 'anvil_setCode');
    if (resetState) await must(rpc('anvil_setStorageAt', [target, '0x0', zeroWord]), 'anvil_setStorageAt');
  }

  /** The defect: a governance call by a non-governor executed with the first governor's authority. */
  async function governanceAsNodeAdmin(
    raw: Hex,
    functions: readonly string[],
  ): Promise<JsonRpcResponse | undefined> {
    if (functions.length === 0) return undefined;
    const tx = parseTransaction(raw as never);
    const selectors = functions.map((name) => {
      const item = governanceAbi.find((e) => e.type === 'function' && e.name === name);
      return item ? toFunctionSelector(item as never) : undefined;
    });
    if (
      tx.to?.toLowerCase() !== governanceContract ||
      !tx.data ||
      !selectors.includes(tx.data.slice(0, 10) as Hex)
    )
      return undefined;
    const sender = (await recoverTransactionAddress({ serializedTransaction: raw as never })).toLowerCase();
    if (governors.includes(sender as Hex)) return undefined;
    const admin = governors[0] as Hex;
    await rpc('anvil_impersonateAccount', [admin]);
    try {
      return await rpc('eth_sendTransaction', [
        { from: admin, to: governanceContract, data: tx.data, gas: `0x${(tx.gas ?? 300_000n).toString(16)}` },
      ]);
    } finally {
      await rpc('anvil_stopImpersonatingAccount', [admin]);
    }
  }

  /** The block as a QBFT node serves it: extraData with the validators and their commit seals. */
  async function sealed(block: Record<string, unknown>): Promise<Record<string, unknown>> {
    const hash = String(block.hash);
    const cached = sealCache.get(hash);
    if (cached) return { ...block, extraData: cached.extraData };
    const number = BigInt(String(block.number));
    const extra: QbftExtraData = { vanity: zeroVanity, validators, vote: null, round: 0, seals: [] };
    let seals: Hex[] = [];
    if (number > 0n) {
      const view: BlockView = {
        number,
        hash: hash as Hex,
        parentHash: String(block.parentHash) as Hex,
        timestamp: 0n,
        txRoot: String(block.transactionsRoot) as Hex,
        txIds: [],
        raw: block,
      };
      const digest = committedSealDigest(view, extra);
      if (digest.kind !== 'computed') return block;
      seals = await Promise.all(validatorKeys.map((key) => signCommitSeal(digest.value, key)));
    }
    const extraData = encodeQbftExtraData({ ...extra, seals });
    if (sealCache.size > 512) sealCache.clear();
    sealCache.set(hash, { extraData });
    return { ...block, extraData };
  }

  async function answer(request: unknown): Promise<JsonRpcResponse | undefined> {
    const parsed = z
      .looseObject({
        id: z.unknown().optional(),
        method: z.string(),
        params: z.array(z.unknown()).optional(),
      })
      .safeParse(request);
    if (!parsed.success) return undefined;
    const { id, method, params = [] } = parsed.data;
    switch (method) {
      case 'qbft_getValidatorsByBlockNumber': {
        const block = await rpc('eth_getBlockByNumber', [params[0] ?? 'latest', false]);
        if (block.error) return { ...block, id: id as never };
        return { jsonrpc: '2.0', id: id as never, result: block.result === null ? null : validators };
      }
      case 'eth_getBlockByNumber':
      case 'eth_getBlockByHash': {
        const reply = await rpc(method, params);
        const block = reply.result;
        return typeof block === 'object' && block !== null
          ? { ...reply, id: id as never, result: await sealed(block as Record<string, unknown>) }
          : { ...reply, id: id as never };
      }
      case 'eth_sendRawTransaction':
        return typeof params[0] === 'string'
          ? submit(id, params[0] as Hex, DefectSchema.parse({}))
          : undefined;
      case defectMethod: {
        const defect = DefectSchema.safeParse(params[1] ?? {});
        if (typeof params[0] !== 'string' || !defect.success)
          return jsonRpcError(
            id as never,
            -32602,
            `${defectMethod} takes [raw, { skip, governanceAsNodeAdmin }]`,
          );
        return submit(id, params[0] as Hex, defect.data);
      }
      default:
        return undefined;
    }
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    let reply: string;
    if (Array.isArray(parsed) && parsed.length > 0) {
      const answers = await Promise.all(
        parsed.map(async (item) => (await answer(item)) ?? (await forwardOne(options.chainUrl, item))),
      );
      reply = JSON.stringify(answers);
    } else {
      const own = parsed === undefined ? undefined : await answer(parsed);
      reply = own ? JSON.stringify(own) : await forwardRaw(options.chainUrl, body);
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(reply);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify(jsonRpcError(null, -32603, `emulator: ${(error as Error).message}`)));
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    governanceContract,
    validators,
    governors,
    governorKeys,
    adapterOptions: {
      consensus: { algorithm: 'qbft' },
      governance: { contract: governanceContract, adminPrivateKey: governorKeys[0] as Hex },
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function createRpc(url: string): Rpc {
  let nextId = 1;
  return async (method, params) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
      signal: AbortSignal.timeout(30_000),
    });
    return (await response.json()) as JsonRpcResponse;
  };
}

async function must(reply: Promise<JsonRpcResponse>, what: string): Promise<unknown> {
  const answer = await reply;
  if (answer.error) throw new EnvironmentError(`emulator: ${what} failed: ${JSON.stringify(answer.error)}`);
  return answer.result;
}

async function sendFromFunding(
  rpc: Rpc,
  funding: ReturnType<typeof privateKeyToAccount>,
  chainId: number,
  fields: { readonly to?: Hex; readonly data?: Hex; readonly value?: bigint; readonly gas: bigint },
): Promise<string> {
  const nonce = Number(
    BigInt(String(await must(rpc('eth_getTransactionCount', [funding.address, 'pending']), 'nonce'))),
  );
  const gasPrice = BigInt(String(await must(rpc('eth_gasPrice', []), 'eth_gasPrice'))) * 2n;
  const raw = await funding.signTransaction({ ...fields, chainId, nonce, gasPrice, type: 'legacy' });
  return String(await must(rpc('eth_sendRawTransaction', [raw]), 'eth_sendRawTransaction'));
}

async function waitForReceipt(rpc: Rpc, hash: string): Promise<unknown> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const receipt = await must(rpc('eth_getTransactionReceipt', [hash]), 'eth_getTransactionReceipt');
    if (receipt !== null) return receipt;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new EnvironmentError(`emulator: no receipt for ${hash} after 5 s`);
}

async function forwardRaw(url: string, body: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  return response.text();
}

async function forwardOne(url: string, item: unknown): Promise<unknown> {
  return JSON.parse(await forwardRaw(url, JSON.stringify(item)));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 8 * 1024 * 1024) chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}
