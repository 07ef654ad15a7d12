import type { FaultName } from '../faultCatalogue.ts';

/**
 * How the selftest's "clean" network looks: the embedded anvil behind two endpoints of the proxy (so
 * cross-node checks run), each a hardened gateway — TLS with the test CA, only the eth/net/web3
 * namespaces, no node-side signing. The selftest proves that each check catches the defects it is
 * built for; it does not claim anvil conforms, so where a single dev node cannot meet a requirement
 * the parameter below says what the selftest uses instead, and why.
 */
export const selftestGateway = {
  allowedNamespaces: ['eth', 'net', 'web3'],
  deniedMethods: [
    'eth_accounts',
    'eth_sign',
    'eth_signTransaction',
    'eth_signTypedData',
    'eth_signTypedData_v3',
    'eth_signTypedData_v4',
    'eth_sendTransaction',
  ],
} as const;

/** Endpoints of the clean network (proxies in front of the one anvil). */
export const selftestEndpoints = 2;

export interface SelftestParameter {
  readonly value: unknown;
  /** Why the selftest departs from the profile's default. */
  readonly why: string;
}

/** Parameter values for every selftest run (only those the checks of a run read are passed). */
export const selftestParameters: Readonly<Record<string, SelftestParameter>> = {
  allowedCryptoSuites: {
    value: ['sm2-sm3', 'secp256k1-keccak256'],
    why: 'anvil signs with secp256k1 and hashes with keccak256; the selftest checks that the suite is identified, not that it is SM2/SM3',
  },
  propertyNumRuns: { value: 2, why: 'two random histories are enough to show balance-drift is caught' },
  propertyMaxCommands: { value: 4, why: 'short histories keep the selftest quick' },
  loadRateTps: {
    value: 10,
    why: 'a short, light load: the selftest shows lost and slow transactions are caught',
  },
  loadDurationS: { value: 2, why: 'a short, light load' },
  loadDrainS: { value: 5, why: 'a short, light load' },
  loadLatencyP95MaxMs: {
    value: 1_000,
    why: 'a local automining node includes a transfer in milliseconds; 1 s shows slow-responses (1.5 s per answer) is caught',
  },
};

/**
 * Under a transport fault no check is built to fail: these must all end `error` (inconclusive), never
 * `pass`. One reading, one signing and one interface check.
 */
export const transportProbeChecks = [
  'ledger-parent-hash-links',
  'tx-raw-replay-rejected',
  'api-jsonrpc-error-codes',
] as const;

/** The faults in the order the selftest runs them (catalogue order). */
export type SelftestFault = FaultName;
