import { describe, expect, it } from 'vitest';
import { FaultNameSchema, faultCatalogue } from './faultCatalogue.ts';

/** The stable check ids of the brief; a typo in detectedBy would silently empty a matrix row. */
const knownCheckIds = new Set([
  'ledger-parent-hash-links',
  'ledger-header-hash-recomputes',
  'ledger-transactions-root-recomputes',
  'tx-raw-replay-rejected',
  'tx-wrong-chain-id-rejected',
  'tx-tampered-rejected',
  'tx-failed-leaves-receipt',
  'contract-revert-atomic',
  'api-dangerous-methods-hidden',
  'api-jsonrpc-error-codes',
  'net-rpc-tls',
  'crypto-declared-suite',
  'property-transfer-model',
  'perf-transaction-throughput',
  'perf-transaction-latency',
]);

describe('faultCatalogue', () => {
  it('describes exactly the fault names of the schema', () => {
    expect(Object.keys(faultCatalogue).sort()).toEqual([...FaultNameSchema.options].sort());
  });

  it('names only known check ids', () => {
    const named = Object.values(faultCatalogue).flatMap((fault) => fault.detectedBy);
    expect(named.filter((id) => !knownCheckIds.has(id))).toEqual([]);
  });

  it('gives every automated check at least one fault that catches it', () => {
    const caught = new Set(Object.values(faultCatalogue).flatMap((fault) => fault.detectedBy));
    expect([...knownCheckIds].filter((id) => !caught.has(id))).toEqual([]);
  });
});
