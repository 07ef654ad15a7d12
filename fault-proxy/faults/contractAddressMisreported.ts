import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { otherAddress } from './wrongSenderReported.ts';

/**
 * contract-address-misreported: receipts of deployments name another contractAddress than the one
 * the deployment created (the last 20 bytes of keccak256(real address)), as a node deriving it from
 * the wrong sender or nonce would (JR/T 0184-2020 10.1; caught by TX-09).
 */
export const contractAddressMisreported: ResponseRewriter = (request, response) => {
  if (request.method !== 'eth_getTransactionReceipt') return response;
  const receipt = response.result;
  if (typeof receipt !== 'object' || receipt === null) return response;
  const address = (receipt as Record<string, unknown>).contractAddress;
  if (typeof address !== 'string') return response;
  return { ...response, result: { ...receipt, contractAddress: otherAddress(address) } };
};
