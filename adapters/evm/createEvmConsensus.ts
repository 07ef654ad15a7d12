import type { Hex } from 'viem';
import { z } from 'zod';
import type {
  ApiCall,
  ApiReading,
  ConsensusApi,
  NodeError,
  SealReading,
} from '#core/adapter/ChainAdapter.ts';
import type { RpcClient } from './createRpcClient.ts';
import { committedSealDigest, recoverCommitters } from './qbftCommitSeals.ts';
import { decodeQbftExtraData } from './qbftExtraData.ts';
import { AddressSchema } from './RpcSchemas.ts';

/** The BFT engines whose validator API and seals the EVM adapter reads. */
export const EvmConsensusAlgorithmSchema = z.enum(['qbft']);
export type EvmConsensusAlgorithm = z.infer<typeof EvmConsensusAlgorithmSchema>;

export interface EvmConsensusOptions {
  /** The chain's consensus engine: `qbft` is Besu's (qbft_ namespace, commit seals in extraData). */
  readonly algorithm: EvmConsensusAlgorithm;
}

const ValidatorListSchema = z.array(AddressSchema).max(10_000);

/**
 * `consensus.validators` on an EVM BFT chain. Besu QBFT (besu.hyperledger.org, QBFT API):
 * `qbft_getValidatorsByBlockNumber(n)` gives the validators responsible for block n
 * (ValidatorProvider.getValidatorsForBlock); every block's extraData carries the commit seals, which
 * the harness verifies itself (hyperledger/besu BftCommitSealsValidationRule): the header's coinbase is
 * the proposer (BftCoinbaseValidationRule), and a block needs ⌈2n/3⌉ distinct committers
 * (BftHelpers.calculateRequiredValidatorQuorum).
 */
export function createEvmConsensus(client: RpcClient, options: EvmConsensusOptions): ConsensusApi {
  return {
    algorithm: options.algorithm,
    async validatorsAt(number) {
      const call: ApiCall = {
        method: 'qbft_getValidatorsByBlockNumber',
        params: [`0x${number.toString(16)}`],
      };
      const outcome = await client.request(call.method, call.params);
      if (outcome.kind === 'error') return { kind: 'refused', error: outcome.error, call };
      if (outcome.kind === 'http-error') return { kind: 'refused', error: httpError(outcome), call };
      return readValidators(outcome.result, call, number);
    },
    async sealOf(block): Promise<SealReading> {
      const extraData = block.raw.extraData;
      if (typeof extraData !== 'string' || !/^0x(?:[0-9a-fA-F]{2})*$/.test(extraData))
        return { kind: 'malformed', problem: `block ${block.number} has no hex "extraData" field` };
      const decoded = decodeQbftExtraData(extraData as Hex);
      if (!decoded.ok) return { kind: 'malformed', problem: `block ${block.number}: ${decoded.problem}` };
      const digest = committedSealDigest(block, decoded.value);
      if (digest.kind !== 'computed')
        return { kind: 'malformed', problem: `block ${block.number}: ${digest.reason}` };
      const recovered = await recoverCommitters(digest.value, decoded.value.seals);
      if (!recovered.ok) return { kind: 'malformed', problem: `block ${block.number}: ${recovered.problem}` };
      const miner = AddressSchema.safeParse(block.raw.miner);
      if (!miner.success)
        return {
          kind: 'malformed',
          problem: `block ${block.number} has no 20-byte "miner" (proposer) field`,
        };
      return {
        kind: 'sealed',
        seal: {
          scheme: 'qbft-commit-seals',
          proposer: miner.data.toLowerCase(),
          committers: recovered.committers,
          headerValidators: decoded.value.validators.length > 0 ? decoded.value.validators : null,
          sealedDigest: digest.value,
        },
      };
    },
    quorum: (validatorCount) => Math.ceil((2 * validatorCount) / 3),
  };
}

function readValidators(result: unknown, call: ApiCall, number: bigint): ApiReading<readonly string[]> {
  if (result === null)
    return { kind: 'malformed', problem: `no validator set for block ${number} (null)`, call, raw: result };
  const parsed = ValidatorListSchema.safeParse(result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: 'malformed',
      problem: `the validator list is not an array of 20-byte addresses (${issue ? `${issue.path.join('.') || 'result'}: ${issue.message}` : 'invalid'})`,
      call,
      raw: result,
    };
  }
  return { kind: 'read', value: parsed.data.map((a) => a.toLowerCase()), call, raw: result };
}

function httpError(outcome: { httpStatus: number; body: string }): NodeError {
  return { code: `HTTP ${outcome.httpStatus}`, message: outcome.body.slice(0, 200) };
}
