import type { Identity } from '#core/adapter/ChainAdapter.ts';
import type { AdapterWith } from '#core/checks/AdapterWith.ts';

/** What every model-based suite after PROP-01 needs from the adapter (raw reads name past blocks). */
export const propertyRequires = [
  'tx.clientSign',
  'tx.receipts',
  'block.read',
  'account.balance',
  'account.nonce',
  'account.fund',
  'rpc.jsonrpc',
] as const;
export type PropertyCapability = (typeof propertyRequires)[number];

/** The system under test as the commands of a suite see it. */
export interface PropertySystem {
  readonly adapter: AdapterWith<PropertyCapability>;
  /** The suite's own accounts, derived from the step account and funded for the property. */
  readonly identities: readonly Identity[];
  /** The contract the commands call (the Probe), for the suites that use one. */
  readonly contract?: string;
  readonly receiptTimeoutMs: number;
  /**
   * Aborted once fast-check has returned: a run it stopped waiting for (time budget) cannot be
   * cancelled, so its next command stops here instead of sending more transactions.
   */
  readonly signal: AbortSignal;
  /** Commands run across all runs and shrinks, for the report. */
  commandsExecuted: number;
  /**
   * How often each node-dependent case was met (a replacement possible or not), for the report: a
   * pass says which of the invariants' cases the node actually exercised.
   */
  readonly events?: Map<string, number>;
}

/** The identity at `index`, or a harness bug (an arbitrary outside the suite's account count). */
export function identityAt(system: PropertySystem, index: number, label: string): Identity {
  const identity = system.identities[index];
  if (!identity) throw new RangeError(`${label}: account index outside 0..${system.identities.length - 1}`);
  return identity;
}

/** Marks a command as started (and stops it when the property is over). */
export function startCommand(system: PropertySystem): void {
  system.signal.throwIfAborted();
  system.commandsExecuted += 1;
}

/** Counts a case a command met that depends on the node (reported with the verdict, never judged). */
export function notePropertyEvent(system: PropertySystem, event: string): void {
  system.events?.set(event, (system.events.get(event) ?? 0) + 1);
}
