import { describe, expect, it } from 'vitest';
import { apiChecks } from './index.ts';

/** Stable ids and clauses from the team brief: external contracts, compared across reports. */
const expected = {
  'API-01': { id: 'api-dangerous-methods-hidden', clauseIds: ['0184-16.8'] },
  'API-02': { id: 'api-jsonrpc-error-codes', clauseIds: ['0184-7.7'] },
};

describe('apiChecks', () => {
  it('lists each catalogue entry once, with its stable id and clauses', () => {
    expect(
      Object.fromEntries(apiChecks.map((c) => [c.catalogueId, { id: c.id, clauseIds: c.clauseIds }])),
    ).toEqual(expected);
  });

  it.each(apiChecks.map((c) => [c.catalogueId, c] as const))('%s is documented completely', (_, check) => {
    expect(check.kind).toBe('conformance');
    expect(check.title.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(check.requires.length).toBeGreaterThan(0);
    expect(check.description).toMatch(/Passes when/);
    // Names the fault-proxy fault that demonstrates it: a check that cannot fail is a defect.
    expect(check.failsWhen).toMatch(/fault "[a-z-]+"/);
  });
});
