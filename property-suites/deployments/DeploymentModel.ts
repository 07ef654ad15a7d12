import type { Hex } from '#core/adapter/ChainAdapter.ts';
import type { AccountsModel } from '../shared/AccountsModel.ts';

/** A contract the run created: where, and the block its creation was included in. */
export interface Deployed {
  readonly address: string;
  readonly block: bigint;
}

/**
 * What deployments must leave (JR/T 0193-2020 6.3 deploy; 6.9 accounting): each creation at the
 * CREATE address of its sender and nonce (keccak256(rlp([sender, nonce]))[12:]) holding exactly the
 * artifact's runtime code from its block on, and nothing there before.
 */
export interface DeploymentModel extends AccountsModel {
  /** The runtime code every deployment of the artifact must hold (Probe.json `deployedBytecode`). */
  readonly runtimeCode: Hex;
  readonly deployed: Deployed[];
}
