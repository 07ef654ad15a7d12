import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { type CheckRunner, createCheckRunner } from '../support/createCheckRunner.ts';
import { transactionsVerdicts } from '../support/nodeVerdicts/transactionsVerdicts.ts';
import type { RunningNode } from '../support/RunningNode.ts';
import { startGanache } from '../support/startGanache.ts';
import { startHardhat } from '../support/startHardhat.ts';

const parameters = { receiptTimeoutMs: 5_000 };

/** The transaction checks of issue 7, in profile order. */
const checkIds = [
  'tx-signature-binds-sender',
  'tx-no-repeated-signature-nonce',
  'tx-nonce-gap-held',
  'tx-sender-present',
  'tx-lookup-consistent',
  'tx-nonce-accounting',
  'tx-balance-accounting',
  'tx-gas-limit-enforced',
] as const;

/**
 * Runs the transaction checks once on a node we start, so each node's behaviour behind a verdict
 * (tests/support/nodeVerdicts/transactionsVerdicts.ts) is shown by the evidence, not only the status.
 */
function runChecksOn(start: () => Promise<RunningNode>): (checkId: string) => CheckResult {
  let node: RunningNode | undefined;
  const results = new Map<string, CheckResult>();
  beforeAll(async () => {
    node = await start();
    const adapter = await createEvmAdapter({
      url: node.url,
      signer: { kind: 'local-key', privateKey: node.devPrivateKey },
    });
    const runner: CheckRunner = await createCheckRunner(adapter, { parameters });
    for (const checkId of checkIds) results.set(checkId, await runner.run(checkId));
  });
  afterAll(async () => {
    await node?.stop();
  });
  return (checkId) => {
    const result = results.get(checkId);
    if (!result) throw new Error(`no result for ${checkId}; see the beforeAll error`);
    return result;
  };
}

describe('transaction checks on Hardhat 2.29.1', () => {
  const result = runChecksOn(() => startHardhat());

  it.each(checkIds)('%s ends as recorded in the node verdicts', (checkId) => {
    const expected = transactionsVerdicts.hardhat[checkId];
    expect(result(checkId).status, `${expected?.because}\nverdict: ${result(checkId).summary}`).toBe(
      expected?.status,
    );
  });

  it('TX-07: refuses the transaction after the gap in automine, and takes it once the gap is filled', () => {
    const { evidence, summary } = result('tx-nonce-gap-held');
    expect(evidence?.nonce1EarlyAnswer).toMatchObject({
      kind: 'answered',
      answer: { accepted: false, error: { code: -32000, message: expect.stringMatching(/^Nonce too high/) } },
    });
    expect(summary).toMatch(
      /^nonce 1 sent before nonce 0 was refused; after nonce 0 both landed in order .*\(resent\)\)$/,
    );
  });

  it('TX-12: refuses the over-limit transaction by its EIP-7825 transaction gas cap', () => {
    expect(result('tx-gas-limit-enforced').summary).toContain(
      'was refused: -32000 Transaction gas limit is 60000001 and exceeds transaction gas cap of 16777216',
    );
  });
});

describe('transaction checks on ganache 7.9.2', () => {
  const result = runChecksOn(() => startGanache());

  it.each(checkIds)('%s ends as recorded in the node verdicts', (checkId) => {
    const expected = transactionsVerdicts.ganache[checkId];
    expect(result(checkId).status, `${expected?.because}\nverdict: ${result(checkId).summary}`).toBe(
      expected?.status,
    );
  });

  it('TX-07: holds its answer to the transaction after the gap until the gap is filled', () => {
    const { evidence } = result('tx-nonce-gap-held');
    // Known to the node by hash while unanswered; answered (accepted) only after nonce 0 was mined.
    expect(evidence?.nonce1EarlyAnswer).toEqual({ kind: 'unanswered' });
    expect(evidence?.nonce1Answer).toMatchObject({ kind: 'answered', answer: { accepted: true } });
  });

  it('TX-09: eth_getTransactionByBlockHashAndIndex reports gasPrice 0x0 for an EIP-1559 transaction', () => {
    const { summary, evidence } = result('tx-lookup-consistent');
    expect(summary).toMatch(
      /^\d+ disagreement\(s\); first: own self-transfer 0x[0-9a-f]{64}: eth_getTransactionByHash and eth_getTransactionByBlockHashAndIndex disagree on gasPrice \("0x[1-9a-f][0-9a-f]*" vs "0x0"\)$/,
    );
    // The exchange itself: the by-index answer of a type-2 transaction with gasPrice 0x0.
    const rpc = evidence?.rpc as
      | { calls: { method: string; answer: { result?: Record<string, unknown> } }[] }
      | undefined;
    const byIndex = rpc?.calls.find((c) => c.method === 'eth_getTransactionByBlockHashAndIndex');
    expect(byIndex?.answer.result).toMatchObject({ type: '0x2', gasPrice: '0x0' });
  });
});
