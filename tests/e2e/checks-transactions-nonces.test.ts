import { describe, expect, it } from 'vitest';
import { createCheckRunner } from '../support/createCheckRunner.ts';
import { useAnvilBehindProxy } from '../support/useAnvilBehindProxy.ts';

/** Short enough that a fault which hides an outcome costs seconds, long enough for automine. */
const parameters = { receiptTimeoutMs: 5_000 };

const checkIds = ['tx-nonce-gap-held', 'tx-nonce-accounting', 'tx-gas-limit-enforced'] as const;

/** TX-07, TX-10 and TX-12 on a real anvil: each passes on the clean chain and fails under its named fault. */
describe('transaction nonce and gas-limit checks on anvil', () => {
  const env = useAnvilBehindProxy({ parameters });

  it.each(checkIds)('%s passes on anvil', async (checkId) => {
    const result = await env.onAnvil.run(checkId);
    expect(result, result.summary).toMatchObject({ status: 'pass', checkId });
  });

  it.each(checkIds)('%s passes through the proxy with no fault', async (checkId) => {
    const result = await env.runUnder([], checkId);
    expect(result, result.summary).toMatchObject({ status: 'pass', checkId });
  });

  describe('TX-07 tx-nonce-gap-held', () => {
    it('holds nonce 1 while nonce 0 is missing, then mines both in order', async () => {
      const result = await env.onAnvil.run('tx-nonce-gap-held');
      expect(result.status, result.summary).toBe('pass');
      // anvil acknowledges nonce 1, keeps it queued, and mines it right after nonce 0, in the same block.
      expect(result.summary).toMatch(
        /^nonce 1 sent before nonce 0 was held: not on the ledger when block \d+ was made; after nonce 0 both landed in order \(nonce 0 at block (\d+) index 0, nonce 1 at block \1 index 1\)$/,
      );
      expect(result.evidence?.nonce1EarlyAnswer).toMatchObject({
        kind: 'answered',
        answer: { accepted: true },
      });
    });

    it('fails under nonce-gap-mined and still fills the gap', async () => {
      const result = await env.runUnder(['nonce-gap-mined'], 'tx-nonce-gap-held');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^a transaction was executed across a nonce gap: nonce 1 \(0x[0-9a-f]{64}\) has a receipt in block \d+ while nonce 0 had not been sent$/,
      );
      // The gap was filled: the chain itself mined both.
      const evidence = result.evidence as { nonce0: { txId: string }; nonce1: { txId: string } };
      for (const txId of [evidence.nonce0.txId, evidence.nonce1.txId]) {
        const receipt = await env.direct.transactions?.getOutcome(txId);
        expect(receipt?.status).toBe('success');
      }
    });
  });

  describe('TX-10 tx-nonce-accounting', () => {
    it('matches latest, pending, earliest and historical counts with the ledger', async () => {
      const result = await env.onAnvil.run('tx-nonce-accounting');
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(
        /^\d+ transaction counts match the ledger: a fresh identity counts 0, then 1 and 2 pending as each transfer is accepted, 2 latest, and its history at blocks [\d, ]+; the step account moved by 1 in funding block \d+$/,
      );
    });

    it('fails under nonce-off-by-one at once: a fresh identity reports a nonce', async () => {
      const result = await env.runUnder(['nonce-off-by-one'], 'tx-nonce-accounting');
      expect(result.status).toBe('fail');
      expect(result.summary).toBe(
        '2 transaction count(s) disagree with the ledger; first: eth_getTransactionCount(fresh identity, latest) = 1, expected 0 (it has never sent a transaction)',
      );
    });
  });

  describe('TX-12 tx-gas-limit-enforced', () => {
    it('sees both probes refused for their gas, with the senders funded and unmoved', async () => {
      const result = await env.onAnvil.run('tx-gas-limit-enforced');
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toBe(
        'the transaction with gas 30000001 above the block gas limit 30000000 was refused: -32000 intrinsic gas too high -- tx.gas_limit > env.block.gas_limit; ' +
          'the transaction with gas 20999 below the intrinsic 21000 was refused: -32000 intrinsic gas too low; neither sender moved',
      );
      expect(String(result.evidence?.fundsReturned)).toMatch(/^\d+ returned in 0x[0-9a-f]{64}$/);
    });

    it('fails under over-limit-tx-accepted: both acknowledged and reported included', async () => {
      const result = await env.runUnder(['over-limit-tx-accepted'], 'tx-gas-limit-enforced');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^the transaction with gas 30000001 above the block gas limit 30000000 \(0x[0-9a-f]{64}\) was included in block \d+ with status 0x1; the transaction with gas 20999 below the intrinsic 21000 \(0x[0-9a-f]{64}\) was included in block \d+ with status 0x1$/,
      );
    });
  });

  /**
   * Issue 7: a node that misreports the nonce makes every transaction the harness signs with it miss
   * the ledger; that missing transaction is evidence, so each check that sends ends `fail`, not `error`.
   */
  describe('under nonce-off-by-one, every transaction check that sends fails', () => {
    it.each([
      'tx-signature-binds-sender',
      'tx-no-repeated-signature-nonce',
      'tx-nonce-gap-held',
      'tx-sender-present',
      'tx-lookup-consistent',
      'tx-balance-accounting',
      'tx-gas-limit-enforced',
    ])('%s', async (checkId) => {
      const runner = await createCheckRunner(env.proxied, { parameters: { receiptTimeoutMs: 1_000 } });
      env.proxy.setFaults(['nonce-off-by-one']);
      const result = await runner.run(checkId);
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(/was accepted but is not on the ledger after 1000 ms/);
    });
  });
});
