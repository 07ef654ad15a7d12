import type { FaultDefinition } from '../defineFault.ts';
import { defineFault } from '../defineFault.ts';
import { contractAddressMisreported } from '../faults/contractAddressMisreported.ts';
import { feeMisreported } from '../faults/feeMisreported.ts';
import { lookupIndexShifted } from '../faults/lookupIndexShifted.ts';
import { newFabricatedReceipts, nonceGapMined } from '../faults/nonceGapMined.ts';
import { nonceOffByOne } from '../faults/nonceOffByOne.ts';
import { overLimitTxAccepted } from '../faults/overLimitTxAccepted.ts';
import { newFirstSignatures, repeatedSignatureR } from '../faults/repeatedSignatureR.ts';
import { senderOmitted } from '../faults/senderOmitted.ts';
import { wrongSenderReported } from '../faults/wrongSenderReported.ts';

/** Faults for the transaction checks (append new ones at the end; never rename). */
export const transactionFaults = [
  defineFault({
    name: 'wrong-sender-reported',
    description:
      'transaction objects (eth_getTransactionByHash, eth_getTransactionByBlock*AndIndex, hydrated blocks) carry from = the last 20 bytes of keccak256(real from); receipts are unchanged',
    rewrite: (request, response, { state }) => wrongSenderReported(request, response, state),
  }),
  defineFault({
    name: 'repeated-signature-r',
    description:
      "transaction objects of a sender other than the first one the proxy saw of that sender carry that first transaction's r (a reused ECDSA nonce)",
    rewrite: (request, response, { memory }) =>
      repeatedSignatureR(request, response, memory(newFirstSignatures)),
  }),
  defineFault({
    name: 'sender-omitted',
    description:
      'transaction objects (eth_getTransactionByHash, eth_getTransactionByBlock*AndIndex, hydrated blocks) come without from; receipts keep theirs',
    rewrite: (request, response, { state }) => senderOmitted(request, response, state),
  }),
  defineFault({
    name: 'nonce-gap-mined',
    description:
      "eth_getTransactionReceipt of a pending transaction whose nonce is above its sender's latest count answers a successful receipt in the latest block (held-back transactions reported as mined)",
    rewrite: (request, response, { upstream, memory }) =>
      nonceGapMined(request, response, upstream, memory(newFabricatedReceipts)),
  }),
  defineFault({
    name: 'nonce-off-by-one',
    description: "eth_getTransactionCount answers one more than the chain's count, for every block tag",
    rewrite: (request, response, { state }) => nonceOffByOne(request, response, state),
  }),
  defineFault({
    name: 'over-limit-tx-accepted',
    description:
      'a raw transaction the chain refuses whose gas is above the latest block gasLimit or below 21000 is answered with keccak256(raw), and its receipt then reports it successful in the latest block',
    rewrite: (request, response, { upstream, memory }) =>
      overLimitTxAccepted(request, response, upstream, memory(newFabricatedReceipts)),
  }),
  defineFault({
    name: 'lookup-index-shifted',
    description:
      'eth_getTransactionByHash reports transactionIndex + 1; blocks, receipts and the by-index lookups are unchanged',
    rewrite: (request, response, { state }) => lookupIndexShifted(request, response, state),
  }),
  defineFault({
    name: 'contract-address-misreported',
    description:
      'receipts with a contractAddress carry the last 20 bytes of keccak256(real contractAddress) instead',
    rewrite: (request, response, { state }) => contractAddressMisreported(request, response, state),
  }),
  defineFault({
    name: 'fee-misreported',
    description:
      'receipts of transactions with maxFeePerGas report effectiveGasPrice = maxFeePerGas instead of min(maxFeePerGas, baseFee + tip); balances are unchanged',
    rewrite: (request, response, { upstream }) => feeMisreported(request, response, upstream),
  }),
] as const satisfies readonly FaultDefinition[];
