import { fail, type NodeVerdicts, pass } from './coreVerdicts.ts';

/** Verdicts with the same reason on anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2. */
const everywhere = {
  'tx-signature-binds-sender': pass(
    'every transaction copy (EIP-1559, as the harness signs them) recovers to its from and re-hashes to its hash',
  ),
  'tx-no-repeated-signature-nonce': pass(
    'no signer signs two transactions with the same r (RFC 6979 signing)',
  ),
  'tx-sender-present': pass('every transaction object and receipt carries its sender as a 20-byte address'),
  'tx-nonce-accounting': pass(
    'eth_getTransactionCount follows the ledger at latest, pending, earliest and historical block numbers',
  ),
  'tx-balance-accounting': pass(
    'a transfer moves exactly its value; the sender pays exactly gasUsed × effectiveGasPrice, and effectiveGasPrice = min(maxFee, baseFee + tip)',
  ),
} as const;

const anvil = {
  ...everywhere,
  'tx-nonce-gap-held': pass(
    'acknowledges nonce 1 sent before nonce 0, keeps it queued while it mines other blocks, then mines it right after nonce 0 in the same block',
  ),
  'tx-lookup-consistent': pass(
    'transaction by hash, by block and index, in the hydrated block and in the receipt agree; contractAddress is the CREATE address',
  ),
  'tx-gas-limit-enforced': pass(
    'refuses gas above the block gas limit ("intrinsic gas too high -- tx.gas_limit > env.block.gas_limit") and below 21000 ("intrinsic gas too low")',
  ),
};

const hardhat = {
  ...everywhere,
  'tx-nonce-gap-held': pass(
    'refuses nonce 1 sent before nonce 0 ("Nonce too high … transactions can\'t be queued when automining"); resent after nonce 0, it lands after it',
  ),
  'tx-lookup-consistent': pass(
    'transaction by hash, by block and index, in the hydrated block and in the receipt agree; contractAddress is the CREATE address',
  ),
  'tx-gas-limit-enforced': pass(
    'refuses gas above its 60M block gas limit (its EIP-7825 transaction gas cap of 2^24 already refuses it) and below 21000',
  ),
};

const ganache = {
  ...everywhere,
  'tx-nonce-gap-held': pass(
    'holds nonce 1 sent before nonce 0, and holds its answer to eth_sendRawTransaction too, until nonce 0 fills the gap; both then land in order',
  ),
  'tx-lookup-consistent': fail(
    'eth_getTransactionByBlockHashAndIndex and …ByBlockNumberAndIndex report gasPrice 0x0 for an EIP-1559 transaction that eth_getTransactionByHash and the hydrated block report with its effective gas price; and the replayed nonce-0 transaction of TX-02 sits in two blocks, so its receipt and lookup name the other block',
  ),
  'tx-gas-limit-enforced': pass(
    'refuses gas above the block gas limit ("exceeds block gas limit") and below 21000 ("intrinsic gas too low")',
  ),
};

/** Expected verdicts of the transactions checks on anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2. */
export const transactionsVerdicts: NodeVerdicts = { anvil, hardhat, ganache };
