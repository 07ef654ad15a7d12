import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '#core/profile/resolveProfile.ts';
import { registry } from '#registry/index.ts';
import { profileJsonSchema } from './profileJsonSchema.ts';

const profile = (id: string) => {
  const found = registry.profiles.find((p) => p.id === id);
  if (!found) throw new Error(`profile ${id} is not registered`);
  return found;
};

/**
 * Profiles are an external contract (STYLE.md "Habits"): reports are compared across runs by clause
 * id, check id, mapping and rubric. A change here must come with a profile version bump and a
 * CHANGELOG note, and this test is where that is noticed.
 */
describe('the jrt-0193-2020 profile contract', () => {
  const jrt = profile('jrt-0193-2020');

  it('is version 0.4.0', () => {
    expect(jrt.version).toBe('0.4.0');
  });

  it('maps each check (by catalogue id) to its clauses', () => {
    const meta = resolveProfile(jrt, registry).checkMeta;
    expect(
      Object.fromEntries(meta.map((m) => [m.catalogueId, `${m.id} → ${m.clauseIds.join(', ')}`])),
    ).toEqual({
      'TX-02': 'tx-raw-replay-rejected → 0184-6.3.2',
      'TX-03': 'tx-wrong-chain-id-rejected → 0184-6.3.2',
      'TX-04': 'tx-tampered-rejected → 0184-10.1',
      'TX-05': 'tx-failed-leaves-receipt → 0184-10.7',
      'TX-01': 'tx-signature-binds-sender → 0184-8.3, 0184-8.4, 0184-8.5, 0184-13.7, 0193-6.6',
      'TX-06': 'tx-no-repeated-signature-nonce → 0184-8.6',
      'TX-07': 'tx-nonce-gap-held → 0193-6.9',
      'TX-08': 'tx-sender-present → 0184-13.5.1',
      'TX-09': 'tx-lookup-consistent → 0184-10.1, 0193-6.9',
      'TX-10': 'tx-nonce-accounting → 0193-6.9',
      'TX-11': 'tx-balance-accounting → 0193-6.9, 0184-10.1',
      'TX-12': 'tx-gas-limit-enforced → 0184-12.4',
      'SC-01': 'contract-revert-atomic → 0184-12.5',
      'SC-02': 'contract-call-deterministic → 0184-12.6, 0193-6.3',
      'SC-03': 'contract-resource-limits → 0184-12.4, 0184-12.9, 0193-6.3',
      'SC-08': 'contract-deploy-efficiency → 0193-7.4',
      'SC-09': 'contract-code-matches-artifact → 0184-12.2, 0184-12.6',
      'SC-10': 'contract-storage-history → 0193-6.7, 0184-7.6',
      'EV-01': 'event-logs-complete → 0193-6.5',
      'EV-02': 'event-new-heads → 0193-6.5',
      'EV-03': 'event-filter-logs-agree → 0193-6.5',
      'LED-01': 'ledger-parent-hash-links → 0184-7.2',
      'LED-02': 'ledger-header-hash-recomputes → 0184-7.2',
      'LED-03': 'ledger-transactions-root-recomputes → 0184-10.1',
      'LED-04': 'ledger-nodes-agree → 0184-10.2, 0184-11.5, 0193-6.2, 0193-6.7',
      'LED-14': 'ledger-tx-visible-on-all-nodes → 0184-7.3, 0184-10.2, 0193-7.3',
      'LED-05': 'ledger-history-complete → 0184-10.5, 0184-11.10, 0193-6.1',
      'LED-06': 'ledger-state-proof-verifies → 0184-10.4, 0193-6.7',
      'LED-07': 'ledger-finality-no-reorg → 0184-11.4, 0184-11.10, 0193-6.2',
      'LED-08': 'ledger-timestamps-sane → 0184-7.9',
      'LED-09': 'ledger-growth-rate → 0193-7.5',
      'LED-10': 'ledger-lookups-agree → 0184-7.7, 0193-6.1, 0193-6.10',
      'LED-11': 'ledger-receipts-root-recomputes → 0184-10.1, 0184-10.4',
      'LED-12': 'ledger-logs-bloom-recomputes → 0184-10.4',
      'LED-13': 'ledger-gas-used-consistent → 0184-10.4, 0193-6.9',
      'CON-10': 'consensus-finality-latency → 0184-7.3, 0184-11.4, 0184-11.11, 0193-7.3',
      'NET-01': 'net-peer-count → 0184-7.4, 0193-6.4',
      'PERF-07': 'node-sync-telemetry → 0184-16.3',
      'API-01': 'api-dangerous-methods-hidden → 0184-16.8',
      'API-02': 'api-jsonrpc-error-codes → 0184-7.7',
      'API-04': 'api-batch-semantics → 0184-7.7, 0193-6.10',
      'API-05': 'api-oversized-and-malformed-requests → 0184-11.7, 0193-6.10',
      'API-06': 'api-invalid-params-rejected → 0193-6.10, 0184-7.7',
      'API-07': 'api-response-shapes → 0184-7.7, 0193-6.10',
      'API-08': 'api-chain-id-consistent → 0184-7.7, 0184-6.3.2',
      'API-03': 'api-rate-limited-authenticated → 0184-16.8, 0184-11.7',
      'CR-02': 'crypto-hash-function-used → 0184-8.1',
      'GOV-05': 'gov-software-heterogeneity → 0184-17.3.1.6',
      'OPS-03': 'ops-restart-keeps-history → 0184-16.6, 0184-11.8',
      'CON-03': 'consensus-crash-tolerance → 0184-11.9, 0184-7.3',
      'NET-05': 'net-rpc-tls → 0184-7.8',
      'CR-01': 'crypto-declared-suite → 0184-8.1',
      'CON-01': 'consensus-validator-set → 0184-11.2, 0184-17.3.1.1',
      'CON-02': 'consensus-blocks-sealed → 0184-11.2, 0184-11.10',
      'GOV-01': 'gov-account-freeze → 0184-13.5.1, 0184-13.5.4, 0184-15.5, 0184-17.3.2.1, 0193-6.8',
      'GOV-03': 'gov-intervention-authorised → 0184-17.3.2.4',
      'GOV-02': 'gov-intervention-recorded → 0184-17.3.2.5',
      'GOV-04': 'gov-role-separation → 0184-13.2, 0184-13.5.2, 0193-6.8',
      'SC-04': 'contract-deploy-permissioned → 0184-12.3, 0184-12.8',
      'SC-05': 'contract-freeze-lifecycle → 0184-12.8',
      'SC-06': 'contract-upgrade-keeps-history → 0184-12.2, 0184-7.6',
      'PROP-01': 'property-transfer-model → 0184-10.1, 0193-6.9',
      'PROP-02': 'property-contract-storage-model → 0193-6.7, 0193-6.5',
      'PROP-03': 'property-deployment-model → 0193-6.3, 0193-6.9',
      'PROP-04': 'property-revert-model → 0184-12.5, 0184-10.7',
      'PROP-05': 'property-nonce-race-model → 0193-6.9',
      'PROP-06': 'property-replay-model → 0184-6.3.2, 0184-10.1',
      'PROP-07': 'property-rpc-robustness → 0184-11.7, 0184-7.7',
      'PROP-08': 'property-cross-endpoint-history → 0184-10.2, 0184-11.5, 0193-6.2, 0193-6.7',
      'PERF-01': 'perf-transaction-throughput → 0193-7.1',
      'PERF-02': 'perf-transaction-latency → 0193-7.3',
      'PERF-03': 'perf-query-throughput → 0193-7.2',
      'PERF-04': 'perf-capacity → 0193-7.1',
    });
  });

  it('states each clause of JR/T 0184 ch. 6–17 and JR/T 0193 §6/§7 once, with its modal verb', () => {
    const golden = [
      '0184-6.1 应  0184-6.2.1 应  0184-6.2.2 应  0184-6.2.3 应  0184-6.2.4 应  0184-6.3.1 应',
      '0184-6.3.2 应  0184-7.1 应  0184-7.2 应  0184-7.3 应  0184-7.4 应  0184-7.5 应',
      '0184-7.6 应  0184-7.7 应  0184-7.8 应  0184-7.9 应  0184-7.10 宜  0184-8.1 应',
      '0184-8.2 应  0184-8.3 应  0184-8.4 应  0184-8.5 可  0184-8.6 应  0184-8.7 应',
      '0184-9.1 应  0184-9.2 应  0184-9.3 应  0184-9.4 应  0184-10.1 应  0184-10.2 应',
      '0184-10.3 应  0184-10.4 应  0184-10.5 应  0184-10.6 应  0184-10.7 应  0184-11.1 应',
      '0184-11.2 应  0184-11.3 应  0184-11.4 应  0184-11.5 应  0184-11.6 应  0184-11.7 应',
      '0184-11.8 应  0184-11.9 应  0184-11.10 应  0184-11.11 应  0184-11.12 应  0184-11.13 应',
      '0184-12.2 应  0184-12.3 应  0184-12.4 宜  0184-12.5 应  0184-12.6 应  0184-12.7 应',
      '0184-12.8 应  0184-12.9 应  0184-12.10 应  0184-13.2 应  0184-13.3 应  0184-13.5.1 应',
      '0184-13.5.2 应  0184-13.5.4 应  0184-13.5.5 应  0184-13.5.6 应  0184-13.6 应  0184-13.7 应',
      '0184-13.8 应  0184-13.10 应  0184-13.11 应  0184-14.1 应  0184-14.3 应  0184-14.4 应',
      '0184-14.5 应  0184-15.2 应  0184-15.3 应  0184-15.4 应  0184-15.5 应  0184-15.6 应',
      '0184-16.2 应  0184-16.3 应  0184-16.4 应  0184-16.5 应  0184-16.6 应  0184-16.7 应',
      '0184-16.8 应  0184-16.9 应  0184-17.1 应  0184-17.3.1.1 应  0184-17.3.1.5 应  0184-17.3.1.6 应',
      '0184-17.3.1.7 应  0184-17.3.2.1 可  0184-17.3.2.4 应  0184-17.3.2.5 应  0193-6.1 应  0193-6.2 应',
      '0193-6.3 应  0193-6.4 应  0193-6.5 应  0193-6.6 应  0193-6.7 应  0193-6.8 应',
      '0193-6.9 应  0193-6.10 应  0193-7.1 宜  0193-7.2 宜  0193-7.3 宜  0193-7.4 宜',
      '0193-7.5 宜',
    ]
      .join('  ')
      .split(/\s{2,}/);
    expect(jrt.clauses.map((c) => `${c.id} ${c.modal}`)).toEqual(golden);
  });

  it('scores with the rubric 应 3 / 宜 2 / 可 1, 应 mandatory, pass 80 over at least 80% coverage', () => {
    expect(jrt.rubric).toEqual({
      modalWeights: { 应: 3, 宜: 2, 可: 1 },
      mandatoryModals: ['应'],
      verdictScores: { conform: 1, 'partially-conform': 0.5, nonconform: 0 },
      counting: {
        'not-applicable': 'excluded',
        waived: 'uncovered',
        'not-evaluated': 'uncovered',
        attested: 'covered',
      },
      passScore: 80,
      minCoverage: 0.8,
    });
  });

  it('states what the standard itself requires where it fixes a value', () => {
    expect(jrt.parameters.requireTls).toMatchObject({ default: true, requirement: true });
    expect(jrt.parameters.allowedCryptoSuites).toMatchObject({
      default: ['sm2-sm3'],
      requirement: ['sm2-sm3'],
    });
  });
});

describe('profile files', () => {
  it('profile.schema.json matches the zod schema (npm run build:schemas regenerates it)', () => {
    const committed = readFileSync(new URL('./profile.schema.json', import.meta.url), 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(profileJsonSchema()));
  });

  it('every registered profile has a distinct id and says what it is for', () => {
    const ids = registry.profiles.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of registry.profiles) expect(p.purpose.length, p.id).toBeGreaterThan(20);
  });
});
