import { describe, expect, it } from 'vitest';
import { useAnvilBehindProxy } from '../support/useAnvilBehindProxy.ts';

/** Short enough that a fault which hides an outcome costs seconds, long enough for automine. */
const parameters = { receiptTimeoutMs: 5_000 };

const checkIds = ['contract-resource-limits', 'contract-deploy-efficiency'] as const;

/** SC-03 and SC-08 on a real anvil: each passes on the clean chain and fails under its named faults. */
describe('contract execution checks on anvil', () => {
  const env = useAnvilBehindProxy({ parameters });

  it.each(checkIds)('%s passes on anvil', async (checkId) => {
    const result = await env.onAnvil.run(checkId);
    expect(result, result.summary).toMatchObject({ status: 'pass', checkId });
  });

  // Control: the failures below come from the fault, not from the proxy itself.
  it.each(checkIds)('%s passes through the proxy with no fault', async (checkId) => {
    const result = await env.viaProxy.run(checkId);
    expect(result, result.summary).toMatchObject({ status: 'pass', checkId });
  });

  describe('SC-03 contract-resource-limits', () => {
    it('sees spin() run out of all its gas and the next transaction recorded', async () => {
      const result = await env.onAnvil.run('contract-resource-limits');
      expect(result.summary).toMatch(
        /^spin\(\) ran out of gas \(status 0x0, all 500000 gas used\) in block (\d+); eth_call answered error -32603; the next transaction was recorded \(status 0x1 in block \d+\)$/,
      );
      expect(result.actual).toEqual({
        spin: { status: '0x0', gasUsed: '500000' },
        ethCall: 'error -32603',
        nextTransaction: expect.stringMatching(/^status 0x1 in block \d+$/),
      });
      expect(result.evidence?.block).toMatchObject({ gasUsed: '500000' });
    });

    it('fails under lying-receipts: the endless call is reported successful', async () => {
      env.proxy.setFaults(['lying-receipts']);
      const result = await env.viaProxy.run('contract-resource-limits');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^spin\(\) \(0x[0-9a-f]{64}\) is recorded as successful, but it never returns$/,
      );
      expect(result.actual).toMatchObject({ spin: { status: '0x1', gasUsed: '500000' } });
    });

    it('fails under gas-used-understated: the halt is charged less than its gas limit', async () => {
      env.proxy.setFaults(['gas-used-understated']);
      const result = await env.viaProxy.run('contract-resource-limits');
      expect(result.status).toBe('fail');
      expect(result.summary).toBe(
        'spin() used 250000 gas according to its receipt; an out-of-gas halt consumes the whole limit of 500000; ' +
          'it is first in its block, yet cumulativeGasUsed 500000 differs from gasUsed 250000',
      );
      expect(result.actual).toMatchObject({ spin: { status: '0x0', gasUsed: '250000' } });
    });
  });

  describe('SC-08 contract-deploy-efficiency', () => {
    it('reports each deployment time and the median against the bound', async () => {
      const result = await env.onAnvil.run('contract-deploy-efficiency');
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(
        /^median deployment time \d+ ms over 3 deployments \(\d+, \d+, \d+ ms; bound 5000 ms\), code readable and equal to the artifact$/,
      );
      const samples = result.evidence?.samples as { address: string; txId: string; visibleMs: number[] }[];
      expect(samples).toHaveLength(3);
      expect(new Set(samples.map((s) => s.address)).size).toBe(3);
    });

    it('fails under code-visible-late: deployments stay invisible past the bound', async () => {
      env.proxy.setFaults(['code-visible-late']);
      const result = await env.viaProxy.run('contract-deploy-efficiency');
      expect(result.status).toBe('fail');
      // More than half of the samples above the bound decide the median: the check stops after two.
      expect(result.summary).toBe(
        'median deployment time >5000 ms over 2 deployment(s) (>5000, >5000 ms) exceeds deployLatencyMaxMs 5000 ms',
      );
      expect(result.actual).toEqual({ samplesMs: ['>5000', '>5000'], medianMs: '>5000', slowestMs: '>5000' });
    });
  });
});
