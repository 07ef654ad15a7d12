import { describe, expect, it } from 'vitest';
import { useAnvilBehindProxy } from '../support/useAnvilBehindProxy.ts';

/** Short enough that a fault which hides an outcome costs seconds, long enough for automine. */
const parameters = { receiptTimeoutMs: 5_000 };

const checkIds = ['tx-lookup-consistent', 'tx-balance-accounting'] as const;

/** TX-09 and TX-11 on a real anvil: each passes on the clean chain and fails under its named faults. */
describe('transaction lookup and accounting checks on anvil', () => {
  const env = useAnvilBehindProxy({ parameters });

  it.each(checkIds)('%s passes on anvil', async (checkId) => {
    const result = await env.onAnvil.run(checkId);
    expect(result, result.summary).toMatchObject({ status: 'pass', checkId });
  });

  it.each(checkIds)('%s passes through the proxy with no fault', async (checkId) => {
    const result = await env.runUnder([], checkId);
    expect(result, result.summary).toMatchObject({ status: 'pass', checkId });
  });

  describe('TX-09 tx-lookup-consistent', () => {
    it('reads its transfer and deployment the same way by hash, in the block and in the receipt', async () => {
      const result = await env.onAnvil.run('tx-lookup-consistent');
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(
        /^\d+ transactions read consistently by hash, in their block and in their receipt \(own self-transfer and deployment, whose contract address is the CREATE address; \d+ from blocks \d+\.\.\d+\)$/,
      );
    });

    it('fails under lookup-index-shifted', async () => {
      const result = await env.runUnder(['lookup-index-shifted'], 'tx-lookup-consistent');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^\d+ disagreement\(s\); first: own self-transfer 0x[0-9a-f]{64}: eth_getTransactionByHash reports transactionIndex "0x1", eth_getTransactionReceipt says "0x0"$/,
      );
    });

    it('fails under contract-address-misreported', async () => {
      const result = await env.runUnder(['contract-address-misreported'], 'tx-lookup-consistent');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^\d+ disagreement\(s\); first: own deployment 0x[0-9a-f]{64}: the receipt reports contractAddress 0x[0-9a-f]{40}, but sender 0x[0-9a-f]{40} with nonce \d+ creates 0x[0-9a-f]{40}$/,
      );
    });
  });

  describe('TX-11 tx-balance-accounting', () => {
    it('accounts for the value and the fee to the wei', async () => {
      const result = await env.onAnvil.run('tx-balance-accounting');
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(
        /^block \d+: the recipient gained exactly 19088743; the sender lost exactly \d+ \(value \+ 21000 gas × \d+\); historical and latest balances agree$/,
      );
      const actual = result.actual as { senderLoss: string };
      expect(BigInt(actual.senderLoss)).toBeGreaterThan(19_088_743n);
    });

    it('fails under balance-drift', async () => {
      const result = await env.runUnder(['balance-drift'], 'tx-balance-accounting');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^\d+ accounting difference\(s\); first: the recipient gained \d+ in block \d+, but the block's transactions move 19088743 to it$/,
      );
    });

    it('fails under fee-misreported', async () => {
      const result = await env.runUnder(['fee-misreported'], 'tx-balance-accounting');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^\d+ accounting difference\(s\); first: the receipt of 0x[0-9a-f]{64} reports effectiveGasPrice \d+, but min\(maxFeePerGas \d+, baseFeePerGas \d+ \+ maxPriorityFeePerGas 1000000000\) \(EIP-1559\) gives \d+$/,
      );
    });
  });
});
