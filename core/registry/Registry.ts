import type { ChainAdapter, Hex, NodeControlApi } from '../adapter/ChainAdapter.ts';
import type { CryptoSuite } from '../adapter/TargetInfo.ts';
import type { AnyCheck } from '../checks/defineCheck.ts';
import type { AnyLoadScenario } from '../checks/defineLoadScenario.ts';
import type { Profile } from '../profile/ProfileSchema.ts';

/** How the harness holds the key it signs with. Room for custodial and SM2 signers beside it. */
export type SignerConfig = { readonly kind: 'local-key'; readonly privateKey: Hex };

/** What a runtime hands an adapter factory to connect to one endpoint. */
export interface AdapterConnection {
  readonly url: string;
  readonly signer: SignerConfig;
  /** What the target declares. @default - the family's usual suite */
  readonly cryptoSuite?: CryptoSuite | undefined;
  /** Extra CA (PEM) trusted for TLS. @default - the system roots only */
  readonly caCertPem?: string | undefined;
  /** True when chaineval started the chain and may control block production. @default false */
  readonly embedded?: boolean | undefined;
  /**
   * Stop/start/restart of the network's nodes (`node.control`), from the operator's hooks
   * (`--node-hooks`). @default - none: fault experiments that need it skip
   */
  readonly nodeControl?: NodeControlApi | undefined;
}

/** One chain family's adapter, as the registry lists it. */
export interface AdapterFactory {
  readonly family: string;
  readonly description: string;
  connect(connection: AdapterConnection): Promise<ChainAdapter>;
}

/**
 * Everything both runtimes run (DESIGN.md "One core, two runtimes"): checks, load scenarios,
 * profiles and adapters. The CLI and the Lambdas import the one instance in registry/index.ts; core
 * functions take it as an argument so they stay pure and testable with small registries.
 */
export interface Registry {
  readonly checks: readonly AnyCheck[];
  readonly loadScenarios: readonly AnyLoadScenario[];
  readonly profiles: readonly Profile[];
  readonly adapters: readonly AdapterFactory[];
}
