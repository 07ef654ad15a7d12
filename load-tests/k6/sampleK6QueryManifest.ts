import { type K6QueryManifest, k6ExportFormat } from './K6ExportManifestSchema.ts';
import { sampleK6Manifest } from './sampleK6Manifest.ts';

/** A read-workload manifest as an export against anvil writes it, for unit tests of the pure parts. */
export function sampleK6QueryManifest(overrides: Partial<K6QueryManifest> = {}): K6QueryManifest {
  const { senders: _, thresholds: __, ...common } = sampleK6Manifest();
  return {
    ...common,
    format: k6ExportFormat,
    scenario: 'query',
    subjects: [
      { address: '0x2222222222222222222222222222222222222222', shardIndex: 0, balance: '0xde0b6b3a7640000' },
    ],
    thresholds: { queryLatencyP95MaxMs: 1_000, loadSuccessRateMin: 0.95, loadMinTransactions: 20 },
    ...overrides,
  };
}
