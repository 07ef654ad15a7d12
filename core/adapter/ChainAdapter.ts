import type { Capability } from './Capability.ts';
import type { TargetInfo } from './TargetInfo.ts';

/**
 * The chain-neutral port every suite sees (docs/adr/0004). Modelled on shared/reference/vendors.md
 * §3, trimmed to what the checks use: ids and addresses are strings, bytes are `0x`-hex, amounts are
 * bigint in the chain's smallest native unit, and vendor-native objects stay in `raw` as evidence.
 * Optional parts exist exactly when the matching capabilities are declared (Capability.ts).
 */

/** `0x`-prefixed hex, as every adapter hands bytes to checks (vendors.md §3 "Encoding"). */
export type Hex = `0x${string}`;

/** Signature algorithms an identity can use (vendors.md §3 `SigAlg`). */
export type SigAlg = 'secp256k1' | 'p256' | 'sm2' | 'ed25519';

/**
 * An identity the adapter can sign for. The key stays inside the adapter (or with a custodian):
 * an SM2 key, a Fabric MSP identity or a KMS-held key fits behind the same reference.
 */
export interface Identity {
  /** The chain-native account id (EVM: the lower-case 0x address). */
  readonly address: string;
  readonly sigAlg: SigAlg;
}

/** A block as checks see it; `raw` keeps the vendor-native object as evidence. */
export interface BlockView {
  readonly number: bigint;
  readonly hash: Hex;
  readonly parentHash: Hex;
  readonly timestamp: bigint;
  readonly txRoot: Hex;
  readonly txIds: readonly string[];
  readonly raw: Readonly<Record<string, unknown>>;
}

/** A contract as built for a runtime; EVM artifacts carry bytecode and a Solidity ABI. */
export interface ContractArtifact {
  readonly runtime: 'evm' | 'wasm' | 'chaincode';
  readonly code: Hex;
  readonly abi: unknown;
}

/** What a transaction should do, independent of the chain's encoding (vendors.md §3 `TxIntent`). */
export type TxIntent =
  | { readonly kind: 'transfer'; readonly to: string; readonly amount: bigint }
  | {
      readonly kind: 'invoke';
      readonly contract: string;
      readonly abi: unknown;
      readonly method: string;
      readonly args: readonly unknown[];
      readonly amount?: bigint;
    }
  | { readonly kind: 'deploy'; readonly artifact: ContractArtifact };

export interface SignOptions {
  /** Account sequence number, on chains that have one (`account.nonce`). @default - the account's next one */
  readonly nonce?: bigint;
  /** Sign for another chain id (the replay-across-chains probe). @default - the target's chain id */
  readonly chainId?: string;
  /** Fixed execution limit, so a call that will fail is still sent (no estimation). @default - per intent kind */
  readonly gasLimit?: bigint;
  /**
   * Raise every fee field by this many percent over what the adapter would pay, so a pending
   * transaction with the same nonce can be replaced by a higher fee (nodes ask ≥ 10%). @default 0
   */
  readonly feeBumpPercent?: number;
}

/** A signed transaction ready to submit; `from` is the identity whose key signed it. */
export interface SignedTx {
  readonly raw: Hex;
  readonly txId: string;
  readonly from: string;
  readonly nonce?: bigint;
}

/** A node's error object, kept whole for evidence. JSON-RPC nodes use numeric codes. */
export interface NodeError {
  readonly code: number | string;
  readonly message: string;
  readonly data?: unknown;
}

/**
 * A node's answer to a submission. A refusal may still name the transaction it received (Hardhat
 * answers a reverting send with an error and mines it anyway: toolchain.md); checks follow that id.
 */
export type SubmitOutcome =
  | { readonly accepted: true; readonly txId: string }
  | { readonly accepted: false; readonly error: NodeError; readonly reportedTxId?: string };

export interface ChainEvent {
  readonly address: string;
  readonly topics: readonly Hex[];
  readonly data: Hex;
}

/** What the ledger says happened to a transaction (EVM: its receipt). */
export interface TxOutcome {
  readonly txId: string;
  readonly status: 'success' | 'reverted';
  readonly blockNumber: bigint;
  readonly blockHash: Hex;
  readonly from: string;
  readonly to: string | null;
  readonly contractAddress: string | null;
  readonly events: readonly ChainEvent[];
  /** What executing it cost, on fee-metered chains: `total` = `used` × `unitPrice`. */
  readonly cost?: { readonly used: bigint; readonly unitPrice: bigint; readonly total: bigint };
  readonly raw: Readonly<Record<string, unknown>>;
}

/**
 * What a step's transactions will cost, in neutral terms the adapter prices (`accounts.quote`):
 * how many transactions of each kind, and the value they move.
 */
export interface TxBudgetItem {
  readonly kind: 'transfer' | 'call' | 'deploy';
  readonly count: number;
  /** Native units moved by all of them together. @default 0n */
  readonly value?: bigint;
}
export type TxBudget = readonly TxBudgetItem[];

/** A recomputation the harness did itself, or why it could not (never a fail: `error` in checks). */
export type Recomputation =
  | { readonly kind: 'computed'; readonly value: Hex }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** Ledger reads every adapter offers (`block.read`, `block.parentLink`). */
export interface LedgerApi {
  getHeight(): Promise<bigint>;
  getBlock(number: bigint): Promise<BlockView | null>;
}

/** Recomputations that make the ledger checkable without trusting the node. */
export interface BlockVerifier {
  /** `block.header.hash`: the hash the header encodes to under the chain's declared hash function. */
  recomputeBlockHash(block: BlockView): Recomputation;
  /** `block.txRoot`: the transactions root rebuilt from the block's full transactions. */
  recomputeTxRoot(block: BlockView): Promise<Recomputation>;
}

/** Keys the harness signs with (`tx.clientSign`). */
export interface IdentitiesApi {
  /** The funded identity the operator supplied (or the embedded chain's dev account). */
  readonly primary: Identity;
  /**
   * Deterministic throw-away identities for `seed`: the same seed gives the same identities, and
   * nobody can derive them without the primary key. Fund them before use.
   */
  derive(seed: string, count: number): Identity[];
}

/** Client-side signing and submission (`tx.clientSign`, `tx.receipts`, `tx.chainIdBinding`, `tx.tamper`). */
export interface TransactionsApi {
  sign(intent: TxIntent, from: Identity, options?: SignOptions): Promise<SignedTx>;
  /**
   * The same as sign() for each request, in order, for load pre-signing: an adapter may spread the
   * work over threads (the EVM adapter does). Absent: callers sign one by one.
   */
  signMany?(
    requests: readonly {
      readonly intent: TxIntent;
      readonly from: Identity;
      readonly options?: SignOptions;
    }[],
  ): Promise<SignedTx[]>;
  submit(tx: SignedTx): Promise<SubmitOutcome>;
  /**
   * Where signed bytes can be submitted without this adapter, with submit()'s meaning, for load
   * senders in worker threads (load-tests/createSenderPool.ts), which cannot be handed the adapter: a
   * JSON-RPC endpoint over HTTP(S) with the adapter's own limits. The URL is the full one (credentials
   * included): it stays in this process. Absent: load is sent through submit().
   */
  rawSubmitTarget?(): RawSubmitTarget;
  /** Polls until the outcome appears or `timeoutMs` passes; `null` on timeout. */
  awaitOutcome(txId: string, timeoutMs: number): Promise<TxOutcome | null>;
  getOutcome(txId: string): Promise<TxOutcome | null>;
  /**
   * `tx.tamper`: the same signed transaction with one payload field changed and the signature
   * kept. `from` is the identity the harness recovers from the altered bytes, which is not the
   * signer's: the signature no longer covers the payload.
   */
  tamper(tx: SignedTx): Promise<SignedTx>;
  /**
   * `tx.tamper`: the same transaction with a signature no key can have made (EVM: r = 0), which every
   * node must refuse.
   */
  forgeSignature(tx: SignedTx): Promise<SignedTx>;
}

/** A JSON-RPC-over-HTTP(S) endpoint raw transactions can be sent to (TransactionsApi.rawSubmitTarget). */
export interface RawSubmitTarget {
  readonly url: string;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly caCertPem?: string | undefined;
}

/** Native balances and sequence numbers (`account.balance`, `account.nonce`, `account.fund`). */
export interface AccountsApi {
  getBalance(address: string): Promise<bigint>;
  getNonce(address: string, blockTag?: 'latest' | 'pending'): Promise<bigint>;
  /** Native units that pay for `budget` at the chain's current fees, with headroom for fee rises. */
  quote(budget: TxBudget): Promise<bigint>;
}

/** EVM contract state reads (`contract.evm`); EVM-only, so kept out of the neutral parts. */
export interface EvmApi {
  getStorageAt(address: string, slot: Hex): Promise<Hex>;
  getCode(address: string): Promise<Hex>;
}

/** The outcome of one raw JSON-RPC exchange, kept whole for evidence. */
export type RpcOutcome =
  | { readonly kind: 'result'; readonly result: unknown; readonly httpStatus: number }
  | { readonly kind: 'error'; readonly error: NodeError & { code: number }; readonly httpStatus: number }
  | { readonly kind: 'http-error'; readonly httpStatus: number; readonly body: string };

/** Raw JSON-RPC access for interface checks (`rpc.jsonrpc`). */
export interface RawRpcApi {
  /** One call; a throttling gateway's answer (HTTP 429/503, -32005) is retried with backoff, bounded. */
  request(method: string, params: readonly unknown[]): Promise<RpcOutcome>;
  /** One call, one exchange, never retried: for probes of the throttling itself (API-03). */
  requestOnce(method: string, params: readonly unknown[]): Promise<RpcOutcome>;
  /** Sends `body` verbatim (malformed JSON probes). */
  sendBody(body: string): Promise<RpcOutcome>;
}

/** Harness-controlled chains only (the embedded anvil): switch block production for load runs. */
export interface ChainControl {
  setIntervalMining(blockTimeS: number): Promise<void>;
  setAutomine(): Promise<void>;
}

/** One node of the network an operator lets the harness stop and start (`node.control`). */
export interface ControlledNode {
  /** The operator's name for it, e.g. "validator-2" (shown in evidence). */
  readonly name: string;
  /** Whether it takes part in consensus (CON-03 counts validators). */
  readonly role: 'validator' | 'non-validator';
  /** Index in the network's endpoints (`--target` order) of the node's own JSON-RPC, when it has one. */
  readonly endpointIndex?: number;
}

/**
 * Fault experiments on real nodes (`node.control`, JR/T 0184-2020 11.8/11.9/16.6; issue 7 item 5):
 * stop, start and restart node `index` of `nodes`. Each call resolves once the operator's mechanism
 * (the embedded anvil, or the vendor's command or HTTP hook) reports it done; a node that was started
 * may still be booting, so checks poll its endpoint before they use it. Rejects when the mechanism
 * fails (the experiment could not be run: checks report that as inconclusive).
 */
export interface NodeControlApi {
  readonly nodes: readonly ControlledNode[];
  stop(index: number): Promise<void>;
  start(index: number): Promise<void>;
  /** Stops then starts the node, or runs the operator's own restart. */
  restart(index: number): Promise<void>;
}

/** The exact call behind a consensus or governance reading, kept for evidence (method + params). */
export interface ApiCall {
  readonly method: string;
  readonly params: readonly unknown[];
}

/**
 * One reading of a consensus or governance API. A node that answers with an error (`refused`) or
 * with a value of the wrong shape (`malformed`) is a result checks judge, not an exception; transport
 * failures still throw (TargetError, reported as inconclusive).
 */
export type ApiReading<T> =
  | { readonly kind: 'read'; readonly value: T; readonly call: ApiCall; readonly raw: unknown }
  | { readonly kind: 'refused'; readonly error: NodeError; readonly call: ApiCall }
  | { readonly kind: 'malformed'; readonly problem: string; readonly call: ApiCall; readonly raw: unknown };

/** Who sealed a block, as the harness recovers it from the block itself (not as the node reports it). */
export interface BlockSeal {
  /** The seal scheme, e.g. `qbft-commit-seals` (Besu BftBlockHashing). */
  readonly scheme: string;
  /** The proposer the header names (BFT EVM chains: the coinbase), or null when the header names none. */
  readonly proposer: string | null;
  /** Signers recovered from the commit seals, in seal order (duplicates kept: checks judge them). */
  readonly committers: readonly string[];
  /** The validator list the header itself carries, or null when validators live elsewhere (contract mode). */
  readonly headerValidators: readonly string[] | null;
  /** The digest the commit seals sign, recomputed by the harness. */
  readonly sealedDigest: Hex;
}

export type SealReading =
  | { readonly kind: 'sealed'; readonly seal: BlockSeal }
  | { readonly kind: 'malformed'; readonly problem: string };

/**
 * Validator sets and block seals of a BFT chain (`consensus.validators`; JR/T 0184-2020 11.2, 11.10).
 * Besu QBFT: qbft_getValidatorsByBlockNumber + commit seals in extraData; FISCO BCOS: getSealerList +
 * signatureList; ChainMaker: GetConsensusValidators (vendors.md §2).
 */
export interface ConsensusApi {
  /** The consensus algorithm the adapter was configured for, e.g. `qbft`. */
  readonly algorithm: string;
  /** The validators responsible for block `number` (ids as the chain spells them, lower-case hex on EVM). */
  validatorsAt(number: bigint): Promise<ApiReading<readonly string[]>>;
  /** The block's seal, with the committers recovered from their signatures by the harness. */
  sealOf(block: BlockView): Promise<SealReading>;
  /** Fewest distinct commit seals a block needs among `validatorCount` validators (BFT: ⌈2n/3⌉). */
  quorum(validatorCount: number): number;
}

/** Status of an account or contract under the chain's governance (FISCO AccountManager: 0, 1, 2). */
export type GovernedStatus = 'normal' | 'frozen' | 'abolished';

/** Rights the governance grants: deploying contracts, and governing (intervening) itself. */
export type PermissionScope = 'deploy' | 'governance';

/** One governance act (JR/T 0184-2020 13.5, 12.8, 17.3.2: freeze, unfreeze, abolish, grant, revoke, upgrade). */
export type GovernanceAction =
  | { readonly kind: 'set-account-status'; readonly account: string; readonly status: GovernedStatus }
  | { readonly kind: 'set-contract-status'; readonly contract: string; readonly status: GovernedStatus }
  | { readonly kind: 'grant'; readonly scope: PermissionScope; readonly subject: string }
  | { readonly kind: 'revoke'; readonly scope: PermissionScope; readonly subject: string }
  /** Replaces a contract's code at its address, keeping its state (ChainMaker UPGRADE_CONTRACT). */
  | {
      readonly kind: 'upgrade-contract';
      readonly contract: string;
      readonly code: Hex;
      readonly version: string;
    };

/** A governance act as the ledger records it: an upgrade is recorded by the hash of its code. */
export type RecordedAction =
  | Exclude<GovernanceAction, { readonly kind: 'upgrade-contract' }>
  | {
      readonly kind: 'upgrade-contract';
      readonly contract: string;
      readonly codeHash: Hex;
      readonly version: string;
    };

/** The version of a contract the governance records (JR/T 0184-2020 12.2). */
export interface ContractVersion {
  /** Empty when the contract was never upgraded through the governance. */
  readonly version: string;
  readonly codeHash: Hex;
}

/** What the ledger records about a governance act (JR/T 0184-2020 17.3.2.5). */
export interface InterventionRecord {
  readonly action: RecordedAction;
  /** The identity the chain records as having done it. */
  readonly by: string;
  readonly txId: string;
  readonly blockNumber: bigint;
}

/**
 * The chain's governance API, acting as the operator's governance identity (`governance.freeze`,
 * `perm.write`, `contract.lifecycle`). Acts are transactions: `intent` gives the chain-native
 * transaction of an act, which a check signs as `admin` (signAsAdmin) or, to probe authorisation, as
 * any other identity, and submits through `transactions`.
 */
export interface GovernanceApi {
  /** The identity holding the governance role that the adapter signs for (the operator's admin key). */
  readonly admin: Identity;
  intent(action: GovernanceAction): TxIntent;
  signAsAdmin(intent: TxIntent, options?: SignOptions): Promise<SignedTx>;
  accountStatus(account: string): Promise<ApiReading<GovernedStatus>>;
  contractStatus(contract: string): Promise<ApiReading<GovernedStatus>>;
  contractVersion(contract: string): Promise<ApiReading<ContractVersion>>;
  hasPermission(scope: PermissionScope, subject: string): Promise<ApiReading<boolean>>;
  /** Identities holding the governance (intervention) right. */
  governors(): Promise<ApiReading<readonly string[]>>;
  /** Governance acts the ledger records in blocks `fromBlock..toBlock`, read independently of any outcome. */
  interventions(fromBlock: bigint, toBlock: bigint): Promise<ApiReading<readonly InterventionRecord[]>>;
  /** Governance acts an outcome's events record. */
  recordsOf(outcome: TxOutcome): readonly InterventionRecord[];
}

/** One chain family's client, as every suite sees it. */
export interface ChainAdapter {
  readonly info: TargetInfo;
  readonly capabilities: ReadonlySet<Capability>;
  /**
   * Extra CA (PEM) the adapter trusts for TLS to the target, on top of the system roots, so a TLS
   * check can trust exactly the same. Kept out of `info`: it is configuration, not a fingerprint.
   */
  readonly caCertPem?: string;
  readonly ledger: LedgerApi;
  readonly verifier?: BlockVerifier;
  readonly identities?: IdentitiesApi;
  readonly transactions?: TransactionsApi;
  readonly accounts?: AccountsApi;
  readonly evm?: EvmApi;
  readonly rpc?: RawRpcApi;
  readonly control?: ChainControl;
  /** `node.control`: stop, start and restart the network's nodes (fault experiments). */
  readonly nodes?: NodeControlApi;
  /** `consensus.validators`: validator sets and block seals. */
  readonly consensus?: ConsensusApi;
  /** `governance.freeze`, `perm.write`, `contract.lifecycle`: the chain's governance API. */
  readonly governance?: GovernanceApi;
  close(): Promise<void>;
}
