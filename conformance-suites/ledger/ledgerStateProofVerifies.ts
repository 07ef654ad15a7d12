import type { Hex } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { activityOutcome } from './activityOutcome.ts';
import { createRpcLog, createRpcReader, type RpcReader, rpcEvidence } from './evm/createRpcReader.ts';
import { ledgerProbeSlot } from './evm/ledgerProbeContract.ts';
import { methodUnavailable } from './evm/methodUnavailable.ts';
import {
  AccountProofShape,
  type AccountProofView,
  BlockHeadShape,
  DataShape,
  QuantityShape,
} from './evm/rpcShapes.ts';
import { codeHashOf, verifyAccountProof, verifyStorageProof } from './evm/verifyEip1186Proof.ts';
import { ledgerActivityFixture } from './ledgerActivityFixture.ts';

/** A storage word as a number: `0x` (ganache's empty slot) is zero. */
const word = (value: Hex): bigint => (value === '0x' ? 0n : BigInt(value));

type ProofOutcome =
  | { readonly kind: 'unavailable'; readonly why: string }
  | {
      readonly kind: 'checked';
      readonly proof: AccountProofView | null;
      readonly facts: Record<string, unknown>;
    };

/**
 * LED-06 — JR/T 0184-2020 10.4 (each node's ledger validity is checkable); JR/T 0193-2020 §6.7
 * (state queries and proofs). EIP-1186 eth_getProof lets anyone verify an account's state and a
 * contract's storage against the state root in a block header, without trusting the node.
 *
 * Comparison policy: at the latest block L, for the step's account and for slot 0 of the ledger
 * probe the step deployed (written by its own `store`): the proof nodes must hash up to L's stateRoot
 * (account) and to the proven storage root (slot), as @ethereumjs/mpt verifies them; the proven
 * nonce, balance, storage root, code hash and slot value must equal the fields the answer reports and
 * eth_getTransactionCount / eth_getBalance / keccak256(eth_getCode) / eth_getStorageAt at L; the slot
 * must hold the value the check's own call wrote. A node that does not serve eth_getProof (-32601,
 * -32004, "does not exist") is `skip` with its answer: state cannot be verified through this node. Any
 * other error, an invalid proof or a mismatch is a fail.
 */
export const ledgerStateProofVerifies = defineCheck({
  id: 'ledger-state-proof-verifies',
  catalogueId: 'LED-06',
  kind: 'conformance',
  title: { zh: '状态证明可验证', en: 'State proofs verify against the state root' },
  requires: ['rpc.jsonrpc', 'tx.clientSign', 'tx.receipts', 'contract.evm'],
  parameters: [receiptTimeoutMs],
  fixtures: [ledgerActivityFixture],
  faults: ['state-proof-forged'],
  description:
    "At the latest block, asks eth_getProof (EIP-1186) for the step's account and for slot 0 of the ledger probe contract " +
    "the step wrote, verifies both proofs against the block's stateRoot with a Merkle Patricia trie, and passes when the " +
    'proven nonce, balance, code hash and slot value equal what the answer and eth_getTransactionCount, eth_getBalance, ' +
    'eth_getCode and eth_getStorageAt report at that block.',
  failsWhen:
    'A proof does not lead to the state root, proves a value other than the one reported or read through the other ' +
    'methods, or the slot does not hold what the check wrote; a node without eth_getProof is skipped, not failed.',
  async run({ adapter, account, fixture }) {
    const activity = await fixture(ledgerActivityFixture);
    if (!activity.ok) return activityOutcome(activity, 'a contract slot the check wrote');
    const log = createRpcLog();
    const reader = createRpcReader(adapter.rpc, 0, adapter.info.endpoint, log);
    const problems: string[] = [];
    const evidence = (facts: Record<string, unknown>) => ({
      ...facts,
      probe: activity.probe,
      storedValue: activity.storedValue.toString(),
      problems,
      ...rpcEvidence(log),
    });
    const height = await reader.read('eth_blockNumber', [], QuantityShape);
    if (!height.ok) return { status: 'fail', summary: height.problem, evidence: evidence({}) };
    const tag = `0x${height.value.toString(16)}`;
    const block = await reader.readNullable('eth_getBlockByNumber', [tag, false], BlockHeadShape);
    if (!block.ok || block.value === null) {
      const why = block.ok
        ? `the node returns no block ${height.value} although it reports it as head`
        : block.problem;
      return { status: 'fail', summary: why, evidence: evidence({}) };
    }
    const stateRoot = block.value.stateRoot;

    const accountFacts = await checkAccount(reader, account.address as Hex, [], tag, stateRoot, problems);
    if (accountFacts.kind === 'unavailable') {
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: `the node does not serve eth_getProof (EIP-1186): it answered ${accountFacts.why}; state cannot be verified against the state root through this endpoint`,
        evidence: evidence({ block: height.value.toString(), stateRoot }),
      };
    }
    const slotFacts = await checkAccount(reader, activity.probe, [ledgerProbeSlot], tag, stateRoot, problems);
    if (slotFacts.kind === 'unavailable') {
      problems.push(`eth_getProof answered the account but refused the storage proof: ${slotFacts.why}`);
    } else if (slotFacts.proof !== null) {
      await checkSlot(
        reader,
        activity.probe,
        slotFacts.proof,
        tag,
        activity.storedValue,
        problems,
        slotFacts.facts,
      );
    }
    const facts = {
      block: height.value.toString(),
      stateRoot,
      account: accountFacts.facts,
      probeSlot0: slotFacts.kind === 'checked' ? slotFacts.facts : null,
    };
    const expected =
      'both proofs lead to the stateRoot and prove exactly the reported nonce, balance, code hash and slot value';
    if (problems.length === 0) {
      return {
        status: 'pass',
        summary: `eth_getProof at block ${height.value} proves the step account (nonce ${String(accountFacts.facts.nonce)}) and probe slot 0 (= ${activity.storedValue}) against stateRoot ${stateRoot}, matching every other state read`,
        expected,
        actual: 'both proofs verify and agree',
        evidence: evidence(facts),
      };
    }
    return {
      status: 'fail',
      summary: `state proof does not bear the state out: ${problems.slice(0, 2).join('; ')}`,
      expected,
      actual: { problems: problems.length, first: problems[0] },
      evidence: evidence(facts),
    };
  },
});

/**
 * eth_getProof for `address` (and `slots`) at `tag`: verifies the account proof against `stateRoot` and
 * compares the proven fields with the reported ones and with eth_getBalance, eth_getTransactionCount
 * and eth_getCode, pushing every disagreement to `problems`.
 */
async function checkAccount(
  reader: RpcReader,
  address: Hex,
  slots: readonly Hex[],
  tag: string,
  stateRoot: Hex,
  problems: string[],
): Promise<ProofOutcome> {
  const params = [address, slots, tag];
  const outcome = await reader.request('eth_getProof', params);
  const unavailable = methodUnavailable(outcome);
  if (unavailable !== undefined) return { kind: 'unavailable', why: unavailable };
  const call = `eth_getProof(${JSON.stringify(params)})`;
  const facts: Record<string, unknown> = { address };
  if (outcome.kind !== 'result') {
    problems.push(
      `${call} answered ${outcome.kind === 'error' ? `error ${outcome.error.code} "${outcome.error.message}"` : `HTTP ${outcome.httpStatus}`} for an account at the head`,
    );
    return { kind: 'checked', proof: null, facts };
  }
  const parsed = AccountProofShape.safeParse(outcome.result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    problems.push(
      `${call} answered a malformed field ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`,
    );
    return { kind: 'checked', proof: null, facts };
  }
  const proof = parsed.data;
  if (proof.address !== address.toLowerCase()) problems.push(`${call} answers for address ${proof.address}`);
  const verdict = await verifyAccountProof(stateRoot, address, proof.accountProof);
  if (verdict.kind === 'invalid') {
    problems.push(`${address}: ${verdict.reason}`);
    return { kind: 'checked', proof, facts };
  }
  if (verdict.account === null) {
    problems.push(
      `the proof for ${address} proves the account does not exist, yet it has sent or received transactions`,
    );
    return { kind: 'checked', proof, facts };
  }
  const proven = verdict.account;
  Object.assign(facts, {
    nonce: proven.nonce.toString(),
    balance: proven.balance.toString(),
    storageHash: proven.storageHash,
    codeHash: proven.codeHash,
  });
  const compare = (what: string, provenValue: string, other: string, source: string) => {
    if (provenValue !== other)
      problems.push(`${address} ${what}: the proof proves ${provenValue}, ${source} reports ${other}`);
  };
  compare('nonce', proven.nonce.toString(), proof.nonce.toString(), 'the eth_getProof answer');
  compare('balance', proven.balance.toString(), proof.balance.toString(), 'the eth_getProof answer');
  compare('storage root', proven.storageHash, proof.storageHash, 'the eth_getProof answer');
  compare('code hash', proven.codeHash, proof.codeHash, 'the eth_getProof answer');
  const [balance, nonce, code] = await Promise.all([
    reader.read('eth_getBalance', [address, tag], QuantityShape),
    reader.read('eth_getTransactionCount', [address, tag], QuantityShape),
    reader.read('eth_getCode', [address, tag], DataShape),
  ]);
  for (const read of [balance, nonce, code]) if (!read.ok) problems.push(read.problem);
  if (balance.ok) compare('balance', proven.balance.toString(), balance.value.toString(), 'eth_getBalance');
  if (nonce.ok) compare('nonce', proven.nonce.toString(), nonce.value.toString(), 'eth_getTransactionCount');
  if (code.ok) compare('code hash', proven.codeHash, codeHashOf(code.value), 'keccak256(eth_getCode)');
  return { kind: 'checked', proof, facts };
}

/** Verifies the storage proof of slot 0 and compares it with the reported value, eth_getStorageAt and what was written. */
async function checkSlot(
  reader: RpcReader,
  probe: Hex,
  proof: AccountProofView,
  tag: string,
  written: bigint,
  problems: string[],
  facts: Record<string, unknown>,
): Promise<void> {
  const entry = proof.storageProof[0];
  if (proof.storageProof.length !== 1 || entry === undefined) {
    problems.push(
      `eth_getProof for ${probe} slot 0 answered ${proof.storageProof.length} storage proofs, expected 1`,
    );
    return;
  }
  if (word(entry.key) !== 0n)
    problems.push(`eth_getProof for ${probe} answered a proof for key ${entry.key}, not slot 0`);
  const verdict = await verifyStorageProof(proof.storageHash, ledgerProbeSlot, entry.proof);
  if (verdict.kind === 'invalid') {
    problems.push(`${probe} slot 0: ${verdict.reason}`);
    return;
  }
  facts.slot0Proven = verdict.value.toString();
  if (verdict.value !== entry.value)
    problems.push(
      `${probe} slot 0: the proof proves ${verdict.value}, the eth_getProof answer reports ${entry.value}`,
    );
  const stored = await reader.read('eth_getStorageAt', [probe, ledgerProbeSlot, tag], DataShape);
  if (!stored.ok) problems.push(stored.problem);
  else if (word(stored.value) !== verdict.value)
    problems.push(
      `${probe} slot 0: the proof proves ${verdict.value}, eth_getStorageAt reports ${word(stored.value)}`,
    );
  if (verdict.value !== written)
    problems.push(
      `${probe} slot 0 is proven to hold ${verdict.value}, but the check's own store wrote ${written}`,
    );
}
