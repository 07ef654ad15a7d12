import { type Hex, keccak256 } from 'viem';
import type { JsonRpcResponse } from '../JsonRpcMessage.ts';
import type { ResponseRewriter } from '../ResponseRewriter.ts';

/** Validator-set queries of the EVM BFT engines (Besu qbft_/ibft_, clique_, GoQuorum istanbul_). */
const validatorMethods = new Set([
  'qbft_getValidatorsByBlockNumber',
  'ibft_getValidatorsByBlockNumber',
  'clique_getSigners',
  'istanbul_getValidators',
]);

const validatorList = (response: JsonRpcResponse): string[] | undefined =>
  Array.isArray(response.result) && response.result.every((v) => typeof v === 'string')
    ? (response.result as string[])
    : undefined;

/**
 * validator-set-too-small (CON-01; JR/T 0184-2020 11.2, 17.3.1.3): a network of 4 validators (3f + 1,
 * f = 1) reports only its first 3 — what a client sees of a network running below the BFT minimum.
 */
export const validatorSetTooSmall: ResponseRewriter = (request, response) => {
  const list = validatorMethods.has(request.method) ? validatorList(response) : undefined;
  if (!list || list.length < 4) return response;
  return { ...response, result: list.slice(0, 3) };
};

/**
 * unregistered-validator (CON-01; JR/T 0184-2020 11.2): the last validator of the reported set is
 * replaced by an identity nobody registered (the last 20 bytes of keccak256 of the real one), the count
 * unchanged — a node admitted to consensus outside the registration process.
 */
export const unregisteredValidator: ResponseRewriter = (request, response) => {
  const list = validatorMethods.has(request.method) ? validatorList(response) : undefined;
  const last = list?.at(-1);
  if (!list || last === undefined || !/^0x[0-9a-fA-F]{40}$/.test(last)) return response;
  const stranger = `0x${keccak256(last as Hex).slice(-40)}`;
  return { ...response, result: [...list.slice(0, -1), stranger] };
};
