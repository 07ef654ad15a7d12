import type { Identity } from '#core/adapter/ChainAdapter.ts';
import type { AdapterWith } from '#core/checks/AdapterWith.ts';
import type { PropertyCapability } from '../shared/PropertySystem.ts';

/** The network under test as the commands of PROP-08 see it: every endpoint, the suite's accounts. */
export interface CrossEndpointSystem {
  /** Every endpoint of the network (`--target` order); the suite's accounts were funded through the first. */
  readonly network: readonly AdapterWith<PropertyCapability>[];
  /** How evidence names each endpoint. */
  readonly labels: readonly string[];
  readonly identities: readonly Identity[];
  readonly receiptTimeoutMs: number;
  /** crossNodeSyncMs: how long an endpoint may take to reach a block another one holds. */
  readonly syncBoundMs: number;
  /** Aborted once fast-check has returned (a run it stopped waiting for sends nothing more). */
  readonly signal: AbortSignal;
  /** Commands run across all runs and shrinks, for the report. */
  commandsExecuted: number;
}

/** The endpoint a command's index names (commands are generated for the network's size). */
export function endpointAt(system: CrossEndpointSystem, index: number): number {
  return index % system.network.length;
}
