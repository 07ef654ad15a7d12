import { recomputeBlockHash } from '#adapters/evm/recomputeBlockHash.ts';
import { serializeRpcTransaction } from '#adapters/evm/serializeRpcTransaction.ts';
import type { BlockView, Hex } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { allowedCryptoSuites } from './allowedCryptoSuites.ts';
import { candidateHashFunctions, type HashedItem, identifyHashFunction } from './identifyHashFunction.ts';

/** Blocks read back from the head, and blocks hashed at most. */
const blocksBack = 8n;
const maxBlocks = 3;

/**
 * The bytes each hash of an EVM ledger covers. The adapter's own encoders are reused (the RLP header
 * with an identity "hash" gives its preimage; the EIP-2718 envelope of each transaction), so CR-02
 * and LED-02/03 cannot disagree about the encoding. EVM-specific by nature: a chain family with
 * another header encoding brings its own preimages (the port has no such part yet).
 */
function preimagesOf(block: BlockView): { items: HashedItem[]; skipped: string[] } {
  const items: HashedItem[] = [];
  const skipped: string[] = [];
  const header = recomputeBlockHash(block, (bytes: Hex) => bytes);
  if (header.kind === 'computed')
    items.push({ label: `block ${block.number}`, reported: block.hash, preimage: header.value });
  else skipped.push(`block ${block.number}: ${header.reason}`);
  const txs = Array.isArray(block.raw.transactions) ? block.raw.transactions : [];
  for (const tx of txs) {
    if (typeof tx !== 'object' || tx === null) continue;
    const hash = (tx as { hash?: unknown }).hash;
    try {
      items.push({
        label: `transaction ${String(hash)}`,
        reported: String(hash) as Hex,
        preimage: serializeRpcTransaction(tx as Record<string, unknown>),
      });
    } catch (error) {
      skipped.push(
        `transaction ${String(hash)}: cannot re-encode (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      );
    }
  }
  return { items, skipped };
}

/**
 * CR-02 — JR/T 0184-2020 8.1: cryptographic algorithms follow the national standards (SM3 for
 * hashing, GB/T 32905-2016). A declaration can say anything (CR-01); this check asks the ledger:
 * which function do its block and transaction hashes actually come from?
 *
 * Comparison policy (identifyHashFunction): up to 3 recent blocks (one at least holding transactions;
 * the step sends a self-transfer when none does) and all their transactions are re-encoded (RLP header,
 * EIP-2718 envelope) and hashed with keccak256, SM3 and SHA-256; a function is identified only when
 * it reproduces every reported hash. Pass when it belongs to a suite in allowedCryptoSuites (keccak256:
 * secp256k1-keccak256; SM3: sm2-sm3; SHA-256: p256/ed25519-sha256); allowed only by a value wider than
 * the profile's requirement, the pass carries a waiver. No function reproducing every hash fails.
 */
export const cryptoHashFunctionUsed = defineCheck({
  id: 'crypto-hash-function-used',
  catalogueId: 'CR-02',
  kind: 'conformance',
  title: { zh: '账本实际使用的哈希算法', en: 'The hash function the ledger actually uses' },
  requires: ['block.read', 'block.header.hash', 'tx.clientSign', 'tx.receipts'],
  parameters: [allowedCryptoSuites, receiptTimeoutMs],
  faults: ['forged-block-hash'],
  budget: () => [{ kind: 'transfer', count: 1 }],
  description:
    'Re-encodes up to 3 recent block headers and their transactions and hashes them with keccak256, SM3 (GB/T ' +
    '32905-2016) and SHA-256, to find the function that reproduces every block and transaction hash the node ' +
    'reports. Passes when one does and its suite is in allowedCryptoSuites.',
  failsWhen:
    'The ledger hashes with a function whose suite is not allowed (keccak256 under the default sm2-sm3 profile: every ' +
    'Ethereum dev chain), or no candidate reproduces every reported hash (a forged or corrupted hash).',
  async run({ adapter, params, requirements, account }) {
    const head = await adapter.ledger.getHeight();
    const blocks: BlockView[] = [];
    for (let n = head; n >= 0n && n > head - blocksBack && blocks.length < maxBlocks; n--) {
      const block = await adapter.ledger.getBlock(n);
      if (block !== null) blocks.push(block);
    }
    let selfTransfer: string | undefined;
    if (!blocks.some((b) => b.txIds.length > 0)) {
      const signed = await adapter.transactions.sign(
        { kind: 'transfer', to: account.address, amount: 0n },
        account,
      );
      const answer = await adapter.transactions.submit(signed);
      const outcome = answer.accepted
        ? await adapter.transactions.awaitOutcome(answer.txId, params.receiptTimeoutMs)
        : null;
      const block = outcome === null ? null : await adapter.ledger.getBlock(outcome.blockNumber);
      if (block === null) {
        return {
          status: 'error',
          summary: `no transaction to hash in the last ${blocksBack} blocks, and the self-transfer sent to get one did not reach the ledger (${answer.accepted ? `not recorded within ${params.receiptTimeoutMs} ms` : `${answer.error.code} ${answer.error.message}`})`,
          evidence: { head: head.toString(), answer },
        };
      }
      selfTransfer = answer.accepted ? answer.txId : undefined;
      blocks.push(block);
    }
    const items: HashedItem[] = [];
    const skipped: string[] = [];
    for (const block of blocks) {
      const found = preimagesOf(block);
      items.push(...found.items);
      skipped.push(...found.skipped);
    }
    if (!items.some((i) => i.label.startsWith('block '))) {
      return {
        status: 'error',
        summary: `no sampled block header could be re-encoded: ${skipped.slice(0, 2).join('; ')}`,
        evidence: { blocks: blocks.map((b) => b.number.toString()), skipped },
      };
    }
    const identified = identifyHashFunction(items);
    const evidence = {
      blocks: blocks.map((b) => ({
        number: b.number.toString(),
        hash: b.hash,
        transactions: b.txIds.length,
      })),
      hashedItems: identified.items,
      reproduced: identified.reproduced,
      unexplained: identified.unexplained,
      skipped,
      allowedCryptoSuites: params.allowedCryptoSuites,
      declaredSuite: adapter.info.cryptoSuite,
      ...(selfTransfer === undefined ? {} : { selfTransfer }),
    };
    const allowed = params.allowedCryptoSuites;
    const expected = `every block and transaction hash reproduced by the hash function of one of ${allowed.join(', ')}`;
    if (identified.matches === 'none') {
      const first = identified.unexplained[0];
      return {
        status: 'fail',
        summary: `no candidate hash function reproduces the ledger's hashes: ${first?.label} reports ${first?.reported}, keccak256 gives ${first?.computed.keccak256}, SM3 ${first?.computed.sm3} (${Object.entries(
          identified.reproduced,
        )
          .map(([n, c]) => `${n} ${c}/${identified.items}`)
          .join(', ')})`,
        expected,
        actual: 'unidentified',
        evidence,
      };
    }
    const suites: readonly string[] = candidateHashFunctions[identified.matches].suites;
    const allowedSuite = allowed.find((s) => suites.includes(s));
    const counted = `${identified.items} hashes of ${blocks.length} blocks and their transactions`;
    if (allowedSuite === undefined) {
      return {
        status: 'fail',
        summary: `the ledger hashes with ${identified.matches} (all ${counted} reproduce), whose suite ${suites.join('/')} is not one of ${allowed.join(', ')}`,
        expected,
        actual: identified.matches,
        evidence,
      };
    }
    const required = requirements.allowedCryptoSuites;
    const relaxed = required !== undefined && !required.includes(allowedSuite);
    return {
      status: 'pass',
      summary: `the ledger hashes with ${identified.matches}: all ${counted} reproduce, suite ${allowedSuite} allowed${relaxed ? ` only because allowedCryptoSuites was widened beyond ${required.join(', ')}` : ''}`,
      expected,
      actual: identified.matches,
      evidence,
      ...(relaxed
        ? {
            waiver: {
              parameter: 'allowedCryptoSuites',
              value: allowed,
              requirement: required,
              note: `the ledger hashes with ${identified.matches}, not the function of the suite(s) the profile requires (${required.join(', ')})`,
            },
          }
        : {}),
    };
  },
});
