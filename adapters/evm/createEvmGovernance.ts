import {
  type Abi,
  decodeEventLog,
  decodeFunctionResult,
  encodeFunctionData,
  type Hex,
  toEventSelector,
} from 'viem';
import { z } from 'zod';
import type {
  ApiCall,
  ApiReading,
  ChainEvent,
  ContractVersion,
  GovernanceAction,
  GovernanceApi,
  GovernedStatus,
  InterventionRecord,
  TxIntent,
} from '#core/adapter/ChainAdapter.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { createEvmTransactions } from './createEvmTransactions.ts';
import type { createFeeOracle } from './createFeeOracle.ts';
import { createLocalKeyring } from './createLocalKeyring.ts';
import type { RpcClient } from './createRpcClient.ts';
import {
  governanceInterfaceAbi,
  governedStatusCodes,
  permissionScopeCodes,
} from './governanceInterfaceAbi.ts';
import { AddressSchema, Hash32Schema, HexSchema, QuantitySchema, RpcLogSchema } from './RpcSchemas.ts';

/** Parts of the governance interface a chain implements, each behind its capability. */
export const EvmGovernanceFeatureSchema = z.enum(['account-freeze', 'permissions', 'contract-lifecycle']);
export type EvmGovernanceFeature = z.infer<typeof EvmGovernanceFeatureSchema>;

export interface EvmGovernanceOptions {
  /** Address of the chain's governance system contract (governanceInterfaceAbi.ts). */
  readonly contract: string;
  /** Key of an identity holding the governance role. @default - the adapter's signer key */
  readonly adminPrivateKey?: Hex;
  /** What the chain implements. @default - all: account-freeze, permissions, contract-lifecycle */
  readonly features?: readonly EvmGovernanceFeature[];
}

const abi = governanceInterfaceAbi as Abi;

type Interpreted<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: string };
const LogsSchema = z
  .array(RpcLogSchema.extend({ transactionHash: Hash32Schema, blockNumber: QuantitySchema }))
  .max(100_000);
const eventSelectors = new Set(
  governanceInterfaceAbi.filter((e) => e.type === 'event').map((e) => toEventSelector(e)),
);

/**
 * The governance API of an EVM chain through its governance system contract: acts are calls signed
 * by the configured admin key (or, to probe authorisation, by anyone); reads are `eth_call`s; the
 * record of each act is its event, read from receipts and, independently, with `eth_getLogs`.
 */
export function createEvmGovernance(
  client: RpcClient,
  chainId: string,
  feeOracle: ReturnType<typeof createFeeOracle>,
  options: EvmGovernanceOptions & { readonly adminPrivateKey: Hex },
): GovernanceApi {
  const contract = AddressSchema.safeParse(options.contract);
  if (!contract.success) {
    throw new ConfigError(
      `the governance contract "${String(options.contract).slice(0, 60)}" is not a 20-byte 0x address; give the address of the chain's governance system contract`,
    );
  }
  const address = contract.data.toLowerCase() as Hex;
  const adminKeyring = createLocalKeyring(options.adminPrivateKey);
  const adminTransactions = createEvmTransactions(client, chainId, adminKeyring, feeOracle);

  async function read<T>(
    functionName: string,
    args: readonly unknown[],
    interpret: (value: unknown) => Interpreted<T>,
  ): Promise<ApiReading<T>> {
    const data = encodeFunctionData({ abi, functionName, args } as Parameters<typeof encodeFunctionData>[0]);
    const call: ApiCall = { method: 'eth_call', params: [{ to: address, data }, 'latest'] };
    const outcome = await client.request(call.method, call.params);
    if (outcome.kind === 'error') return { kind: 'refused', error: outcome.error, call };
    if (outcome.kind === 'http-error')
      return {
        kind: 'refused',
        error: { code: `HTTP ${outcome.httpStatus}`, message: outcome.body.slice(0, 200) },
        call,
      };
    const hex = HexSchema.safeParse(outcome.result);
    if (!hex.success)
      return {
        kind: 'malformed',
        problem: `${functionName} answered a non-hex result`,
        call,
        raw: outcome.result,
      };
    let decoded: unknown;
    try {
      decoded = decodeFunctionResult({ abi, functionName, data: hex.data } as Parameters<
        typeof decodeFunctionResult
      >[0]);
    } catch (error) {
      return {
        kind: 'malformed',
        problem: `${functionName} answered ${hex.data.slice(0, 66)}, which does not decode (${(error as Error).message.split('\n')[0]})`,
        call,
        raw: outcome.result,
      };
    }
    const value = interpret(decoded);
    return value.ok
      ? { kind: 'read', value: value.value, call, raw: outcome.result }
      : { kind: 'malformed', problem: value.problem, call, raw: outcome.result };
  }

  const status =
    (functionName: string) =>
    (value: unknown): Interpreted<GovernedStatus> => {
      const known = statusOf(value);
      return known
        ? { ok: true, value: known }
        : {
            ok: false,
            problem: `${functionName} answered status ${String(value)}, not 0 (normal), 1 (frozen) or 2 (abolished)`,
          };
    };

  return {
    admin: adminKeyring.primary,
    intent: (action) => intentOf(address, action),
    signAsAdmin: (intent, signOptions) => adminTransactions.sign(intent, adminKeyring.primary, signOptions),
    accountStatus: (account) => read('getAccountStatus', [account], status('getAccountStatus')),
    contractStatus: (target) => read('getContractStatus', [target], status('getContractStatus')),
    contractVersion: (target) =>
      read<ContractVersion>('getContractVersion', [target], (v) => {
        const [version, codeHash] = Array.isArray(v) ? v : [];
        return typeof version === 'string' && typeof codeHash === 'string'
          ? { ok: true, value: { version, codeHash: codeHash as Hex } }
          : { ok: false, problem: 'getContractVersion answered no (version, codeHash) pair' };
      }),
    hasPermission: (scope, subject) =>
      read<boolean>('hasPermission', [permissionScopeCodes.indexOf(scope), subject], (v) =>
        typeof v === 'boolean'
          ? { ok: true, value: v }
          : { ok: false, problem: `hasPermission answered ${String(v)}, not a bool` },
      ),
    governors: () =>
      read<readonly string[]>('getGovernors', [], (v) =>
        Array.isArray(v)
          ? { ok: true, value: v.map((a) => String(a).toLowerCase()) }
          : { ok: false, problem: 'getGovernors answered no address list' },
      ),
    async interventions(fromBlock, toBlock) {
      const call: ApiCall = {
        method: 'eth_getLogs',
        params: [{ address, fromBlock: `0x${fromBlock.toString(16)}`, toBlock: `0x${toBlock.toString(16)}` }],
      };
      const outcome = await client.request(call.method, call.params);
      if (outcome.kind === 'error') return { kind: 'refused', error: outcome.error, call };
      if (outcome.kind === 'http-error')
        return {
          kind: 'refused',
          error: { code: `HTTP ${outcome.httpStatus}`, message: outcome.body.slice(0, 200) },
          call,
        };
      const logs = LogsSchema.safeParse(outcome.result);
      if (!logs.success) {
        const issue = logs.error.issues[0];
        return {
          kind: 'malformed',
          problem: `eth_getLogs answered something other than a list of logs (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'})`,
          call,
          raw: outcome.result,
        };
      }
      const records: InterventionRecord[] = [];
      for (const log of logs.data) {
        if (log.address.toLowerCase() !== address) continue;
        const record = recordOf(log, log.transactionHash, log.blockNumber);
        if (typeof record === 'string')
          return { kind: 'malformed', problem: record, call, raw: outcome.result };
        if (record) records.push(record);
      }
      return { kind: 'read', value: records, call, raw: { logs: logs.data.length } };
    },
    recordsOf(outcome) {
      return outcome.events.flatMap((event) => {
        if (event.address.toLowerCase() !== address) return [];
        const record = recordOf(event, outcome.txId, outcome.blockNumber);
        return record && typeof record !== 'string' ? [record] : [];
      });
    },
  };
}

function statusOf(code: unknown): GovernedStatus | undefined {
  return typeof code === 'number' ? governedStatusCodes[code] : undefined;
}

/** The chain-native transaction of a governance act: a call to the governance contract. */
function intentOf(contract: Hex, action: GovernanceAction): TxIntent {
  const invoke = (method: string, args: readonly unknown[]): TxIntent => ({
    kind: 'invoke',
    contract,
    abi: governanceInterfaceAbi,
    method,
    args,
  });
  switch (action.kind) {
    case 'set-account-status':
      return invoke('setAccountStatus', [action.account, governedStatusCodes.indexOf(action.status)]);
    case 'set-contract-status':
      return invoke('setContractStatus', [action.contract, governedStatusCodes.indexOf(action.status)]);
    case 'grant':
    case 'revoke':
      return invoke(action.kind, [permissionScopeCodes.indexOf(action.scope), action.subject]);
    case 'upgrade-contract':
      return invoke('upgradeContract', [action.contract, action.code, action.version]);
  }
}

/**
 * The intervention an event of the governance contract records; null for an event that is not one of
 * the interface's, a sentence when one of them does not decode (a malformed record).
 */
function recordOf(event: ChainEvent, txId: string, blockNumber: bigint): InterventionRecord | string | null {
  const [selector] = event.topics;
  if (selector === undefined || !eventSelectors.has(selector)) return null;
  let decoded: { eventName: string; args: Record<string, unknown> };
  try {
    decoded = decodeEventLog({
      abi: governanceInterfaceAbi,
      topics: event.topics as [Hex, ...Hex[]],
      data: event.data,
    }) as unknown as { eventName: string; args: Record<string, unknown> };
  } catch (error) {
    return `governance event in ${txId} does not decode (${(error as Error).message.split('\n')[0]})`;
  }
  const { args } = decoded;
  const by = String(args.operator).toLowerCase();
  const base = { by, txId, blockNumber };
  switch (decoded.eventName) {
    case 'AccountStatusChanged':
    case 'ContractStatusChanged': {
      const status = statusOf(args.status);
      if (status === undefined)
        return `governance event in ${txId} carries unknown status ${String(args.status)}`;
      return decoded.eventName === 'AccountStatusChanged'
        ? {
            ...base,
            action: { kind: 'set-account-status', account: String(args.account).toLowerCase(), status },
          }
        : {
            ...base,
            action: { kind: 'set-contract-status', contract: String(args.target).toLowerCase(), status },
          };
    }
    case 'PermissionChanged': {
      const scope = typeof args.scope === 'number' ? permissionScopeCodes[args.scope] : undefined;
      if (scope === undefined)
        return `governance event in ${txId} carries unknown scope ${String(args.scope)}`;
      return {
        ...base,
        action: {
          kind: args.granted === true ? 'grant' : 'revoke',
          scope,
          subject: String(args.subject).toLowerCase(),
        },
      };
    }
    case 'ContractUpgraded':
      return {
        ...base,
        action: {
          kind: 'upgrade-contract',
          contract: String(args.target).toLowerCase(),
          codeHash: String(args.codeHash).toLowerCase() as Hex,
          version: String(args.version),
        },
      };
    default:
      return null;
  }
}
