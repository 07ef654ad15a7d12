import { type K6TransferManifest, k6ExportFormat } from './K6ExportManifestSchema.ts';

/** A manifest as an export against anvil writes it, for unit tests of the pure parts (script, judge). */
export function sampleK6Manifest(overrides: Partial<K6TransferManifest> = {}): K6TransferManifest {
  return {
    format: k6ExportFormat,
    runId: '20261130T150000Z-0a1b2c3d',
    scenario: 'transfer',
    createdAt: '2026-11-30T15:00:00.000Z',
    harnessVersion: '0.0.0-test',
    profile: { id: 'jrt-0193-2020', version: '1', digest: 'sha256:test' },
    parameters: {
      loadRateTps: 100,
      loadDurationS: 10,
      loadSuccessRateMin: 0.95,
      loadLatencyP95MaxMs: 5_000,
      loadMinTransactions: 20,
    },
    overridden: ['loadRateTps'],
    shape: { executor: 'constant-arrival-rate', rateTps: 100, durationS: 10 },
    shardCount: 1,
    transactions: 1_000,
    senders: [
      {
        address: '0x1111111111111111111111111111111111111111',
        shardIndex: 0,
        firstNonce: 0,
        transactions: 1_000,
      },
    ],
    thresholds: { loadLatencyP95MaxMs: 5_000, loadSuccessRateMin: 0.95, loadMinTransactions: 20 },
    target: {
      family: 'evm',
      endpoint: 'http://127.0.0.1:8545/',
      chainId: '31337',
      clientVersion: 'anvil/v1.0.0',
      genesisHash: `0x${'ab'.repeat(32)}`,
      cryptoSuite: 'secp256k1-keccak256',
      embedded: false,
    },
    corpus: { file: 'corpus.json', sha256: 'a'.repeat(64) },
    ...overrides,
  };
}
