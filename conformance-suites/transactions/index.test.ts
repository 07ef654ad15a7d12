import { describe, expect, it } from 'vitest';
import { transactionChecks } from './index.ts';

/** Stable ids and clauses from the team brief: external contracts, compared across reports. */
const expected = {
  'TX-02': { id: 'tx-raw-replay-rejected', clauseIds: ['0184-6.3.2'] },
  'TX-03': { id: 'tx-wrong-chain-id-rejected', clauseIds: ['0184-6.3.2'] },
  'TX-04': { id: 'tx-tampered-rejected', clauseIds: ['0184-10.1'] },
  'TX-05': { id: 'tx-failed-leaves-receipt', clauseIds: ['0184-10.7'] },
};

describe('transactionChecks', () => {
  it('lists each catalogue entry once, with its stable id and clauses', () => {
    expect(
      Object.fromEntries(transactionChecks.map((c) => [c.catalogueId, { id: c.id, clauseIds: c.clauseIds }])),
    ).toEqual(expected);
  });

  it.each(transactionChecks.map((c) => [c.catalogueId, c] as const))(
    '%s is documented completely',
    (_, check) => {
      expect(check.kind).toBe('conformance');
      expect(check.title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(check.requires.length).toBeGreaterThan(0);
      expect(check.description).toMatch(/Passes when/);
      // Names the fault-proxy fault that demonstrates it: a check that cannot fail is a defect.
      expect(check.failsWhen).toMatch(/fault "[a-z-]+"/);
    },
  );
});
