import type { Capability } from './Capability.ts';
import type { TargetInfo } from './TargetInfo.ts';

/** `0x`-prefixed hex, as every adapter hands bytes to checks (vendors.md §3 "Encoding"). */
export type Hex = `0x${string}`;

/** A block as checks see it; `raw` keeps the vendor-native object as evidence. */
export interface BlockView {
  readonly number: bigint;
  readonly hash: Hex;
  readonly parentHash: Hex;
  readonly timestamp: bigint;
  readonly txRoot: Hex;
  readonly txIds: readonly Hex[];
  readonly raw: Readonly<Record<string, unknown>>;
}

/** An account the adapter can sign for. The key never leaves the adapter. */
export interface AccountRef {
  readonly address: Hex;
}

export interface SignedTx {
  readonly raw: Hex;
  readonly txId: Hex;
  readonly from: Hex;
  readonly nonce: bigint;
}

/** A node's answer to a submission: accepted with an id, or rejected with its JSON-RPC error. */
export type SubmitOutcome =
  | { readonly accepted: true; readonly txId: Hex }
  | { readonly accepted: false; readonly error: RpcErrorObject };

export interface RpcErrorObject {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}

export interface ReceiptLog {
  readonly address: Hex;
  readonly topics: readonly Hex[];
  readonly data: Hex;
}

export interface Receipt {
  readonly txId: Hex;
  readonly status: 'success' | 'reverted';
  readonly blockNumber: bigint;
  readonly blockHash: Hex;
  readonly from: Hex;
  readonly to: Hex | null;
  readonly gasUsed: bigint;
  readonly effectiveGasPrice: bigint;
  readonly contractAddress: Hex | null;
  readonly logs: readonly ReceiptLog[];
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface TransferRequest {
  readonly from: AccountRef;
  readonly to: Hex;
  readonly valueWei: bigint;
  /** @default - the account's pending nonce, read from the node */
  readonly nonce?: bigint;
  /** Sign for another chain id (EIP-155 replay probe). @default - the target's chain id */
  readonly chainId?: number;
  /** @default - 21000 for transfers */
  readonly gas?: bigint;
}

export interface CallRequest {
  readonly from: AccountRef;
  readonly to: Hex;
  readonly data: Hex;
  readonly valueWei?: bigint;
  readonly nonce?: bigint;
  /** Fixed gas, so a call that will revert is still sent (no estimation). */
  readonly gas: bigint;
}

export interface DeployRequest {
  readonly from: AccountRef;
  readonly bytecode: Hex;
  readonly gas?: bigint;
}

/** Ledger reads every adapter offers (`block.read`, `block.parentLink`). */
export interface LedgerApi {
  getHeight(): Promise<bigint>;
  getBlock(number: bigint): Promise<BlockView | null>;
}

/** Recomputations that make the ledger checkable without trusting the node. */
export interface BlockVerifier {
  /** `block.header.hash`: the hash the header encodes to under the chain's declared hash function. */
  recomputeBlockHash(block: BlockView): Hex;
  /** `block.txRoot`: the transactions root rebuilt from the block's full transactions. */
  recomputeTxRoot(block: BlockView): Promise<Hex>;
}

/** Client-side signing and submission (`tx.clientSign`, `tx.receipts`, `tx.chainIdBinding`, `tx.tamper`). */
export interface TransactionsApi {
  /** The funded account supplied by the operator (or the embedded chain's dev account). */
  readonly primary: AccountRef;
  /** Deterministic throw-away accounts for suites that need several senders; fund them first. */
  deriveAccounts(count: number, seed: string): AccountRef[];
  getBalance(address: Hex): Promise<bigint>;
  getNonce(address: Hex, blockTag?: 'latest' | 'pending'): Promise<bigint>;
  signTransfer(request: TransferRequest): Promise<SignedTx>;
  signCall(request: CallRequest): Promise<SignedTx>;
  signDeploy(request: DeployRequest): Promise<SignedTx>;
  submit(raw: Hex): Promise<SubmitOutcome>;
  /** Polls until a receipt appears or `timeoutMs` passes; `null` on timeout. */
  waitForReceipt(txId: Hex, timeoutMs: number): Promise<Receipt | null>;
  getReceipt(txId: Hex): Promise<Receipt | null>;
  /** `tx.tamper`: the same signed transaction with one payload byte changed, signature untouched. */
  tamper(raw: Hex): Hex;
}

/** EVM contract state reads (`contract.evm`). */
export interface ContractsApi {
  getStorageAt(address: Hex, slot: Hex): Promise<Hex>;
  getCode(address: Hex): Promise<Hex>;
}

/** The outcome of one raw JSON-RPC exchange, kept whole for evidence. */
export type RpcOutcome =
  | { readonly kind: 'result'; readonly result: unknown; readonly httpStatus: number }
  | { readonly kind: 'error'; readonly error: RpcErrorObject; readonly httpStatus: number }
  | { readonly kind: 'http-error'; readonly httpStatus: number; readonly body: string };

/** Raw JSON-RPC access for interface checks (`rpc.jsonrpc`). */
export interface RawRpcApi {
  request(method: string, params: readonly unknown[]): Promise<RpcOutcome>;
  /** Sends `body` verbatim (malformed JSON probes). */
  sendBody(body: string): Promise<RpcOutcome>;
}

/** Harness-controlled chains only (the embedded anvil): switch block production for load runs. */
export interface ChainControl {
  setIntervalMining(blockTimeS: number): Promise<void>;
  setAutomine(): Promise<void>;
}

/**
 * One chain family's client, as every suite sees it. Optional parts exist exactly when the matching
 * capabilities are declared; a check that needs a missing one is skipped, never half-run.
 * Modelled on shared/reference/vendors.md §3, trimmed to what the checks use today.
 */
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
  readonly transactions?: TransactionsApi;
  readonly contracts?: ContractsApi;
  readonly rpc?: RawRpcApi;
  readonly control?: ChainControl;
  close(): Promise<void>;
}
