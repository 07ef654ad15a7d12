import { describe, expect, it } from 'vitest';
import { useAnvilBehindProxy } from '../support/useAnvilBehindProxy.ts';

/** Short enough that a fault which hides an outcome costs seconds, long enough for automine. */
const parameters = { receiptTimeoutMs: 5_000 };

const checkIds = [
  'tx-signature-binds-sender',
  'tx-no-repeated-signature-nonce',
  'tx-sender-present',
] as const;

/** TX-01, TX-06 and TX-08 on a real anvil: each passes on the clean chain and fails under its named fault. */
describe('transaction signing checks on anvil', () => {
  const env = useAnvilBehindProxy({ parameters });

  it.each(checkIds)('%s passes on anvil', async (checkId) => {
    const result = await env.onAnvil.run(checkId);
    expect(result, result.summary).toMatchObject({ status: 'pass', checkId });
  });

  it.each(checkIds)('%s passes through the proxy with no fault', async (checkId) => {
    const result = await env.runUnder([], checkId);
    expect(result, result.summary).toMatchObject({ status: 'pass', checkId });
  });

  describe('TX-01 tx-signature-binds-sender', () => {
    it('recovers the signer of its own transaction and of the sampled block transactions', async () => {
      const result = await env.onAnvil.run('tx-signature-binds-sender');
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(
        /^\d+ transaction copies \(own transaction by hash and in its block, and \d+ from blocks \d+\.\.\d+\) recover to their from and hash to their hash$/,
      );
      expect(result.evidence?.boundByType).toMatchObject({ '0x2': expect.any(Number) });
    });

    it('fails under wrong-sender-reported, naming the recovered signer and the reported from', async () => {
      const result = await env.runUnder(['wrong-sender-reported'], 'tx-signature-binds-sender');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^\d+ signature problem\(s\); first: own transaction via eth_getTransactionByHash: the signature recovers to 0x[0-9a-f]{40}, but from is 0x[0-9a-f]{40}$/,
      );
    });
  });
  describe('TX-06 tx-no-repeated-signature-nonce', () => {
    it('scans its two transactions with the block sample: one signer with several transactions, no repeated r', async () => {
      const result = await env.onAnvil.run('tx-no-repeated-signature-nonce');
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(
        /^\d+ transactions of \d+ signer\(s\) scanned \([1-9]\d* with several, own two included\): no signer repeats r$/,
      );
      expect(result.evidence?.ownTransactions).toHaveLength(2);
    });

    it('fails under repeated-signature-r, naming the signer and both transactions', async () => {
      const result = await env.runUnder(['repeated-signature-r'], 'tx-no-repeated-signature-nonce');
      expect(result.status).toBe('fail');
      const [first, second] = (result.evidence?.ownTransactions ?? []) as string[];
      expect(result.summary).toContain(`signer ${env.viaProxy.account?.address.toLowerCase()} used r = 0x`);
      expect(result.summary).toContain(
        `${first} (own transaction ${first}) and ${second} (own transaction ${second})`,
      );
    });
  });

  describe('TX-08 tx-sender-present', () => {
    it('finds the sender in every copy of its own transaction and in the sample', async () => {
      const result = await env.onAnvil.run('tx-sender-present');
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(
        /^all \d+ transaction copies carry a well-formed sender \(own transaction by hash, in its block and its receipt as 0x[0-9a-f]{40}; \d+ from blocks \d+\.\.\d+\)$/,
      );
    });

    it('fails under sender-omitted', async () => {
      const result = await env.runUnder(['sender-omitted'], 'tx-sender-present');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^\d+ transaction\(s\) without a well-formed sender; first: own transaction via eth_getTransactionByHash has no from$/,
      );
    });
  });
});
