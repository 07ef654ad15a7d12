import { type Abi, encodeFunctionData, type Hex } from 'viem';
import type { TxIntent } from '#core/adapter/ChainAdapter.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';

/** Gas a transaction of each kind is given unless the caller fixes it (no estimation: a failing call still goes out). */
export const defaultGas = { transfer: 21_000n, call: 300_000n, deploy: 1_000_000n } as const;

export interface EvmTxFields {
  readonly to?: Hex;
  readonly data?: Hex;
  readonly value: bigint;
  readonly gas: bigint;
}

/** A neutral intent as the fields of an EVM transaction (calldata ABI-encoded with viem). */
export function encodeIntent(intent: TxIntent): EvmTxFields {
  switch (intent.kind) {
    case 'transfer':
      return { to: intent.to as Hex, value: intent.amount, gas: defaultGas.transfer };
    case 'invoke':
      return {
        to: intent.contract as Hex,
        data: encodeFunctionData({
          abi: intent.abi as Abi,
          functionName: intent.method,
          args: [...intent.args],
        } as Parameters<typeof encodeFunctionData>[0]),
        value: intent.amount ?? 0n,
        gas: defaultGas.call,
      };
    case 'deploy':
      if (intent.artifact.runtime !== 'evm') {
        throw new ConfigError(
          `the EVM adapter deploys EVM bytecode only (got a ${intent.artifact.runtime} artifact)`,
        );
      }
      return { data: intent.artifact.code, value: 0n, gas: defaultGas.deploy };
  }
}
