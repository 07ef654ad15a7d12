import { readFileSync } from 'node:fs';

/** PEM material from tests/fixtures/tls (test-only keys, public on purpose; see its README). */
export interface TestCertificates {
  /** The test CA: what a client that should trust the proxy gets (`ca`, `caCertPem`). */
  readonly caCertPem: string;
  /** Certificate for 127.0.0.1/localhost signed by the test CA. */
  readonly serverKeyPem: string;
  readonly serverCertPem: string;
  /** Unrelated self-signed certificate for the same names, served under `untrusted-certificate`. */
  readonly untrustedKeyPem: string;
  readonly untrustedCertPem: string;
}

const fixtures = new URL('../tests/fixtures/tls/', import.meta.url);

function readFixture(name: string): string {
  return readFileSync(new URL(name, fixtures), 'utf8');
}

export function loadTestCertificates(): TestCertificates {
  return {
    caCertPem: readFixture('ca.cert.pem'),
    serverKeyPem: readFixture('server.key.pem'),
    serverCertPem: readFixture('server.cert.pem'),
    untrustedKeyPem: readFixture('untrusted.key.pem'),
    untrustedCertPem: readFixture('untrusted.cert.pem'),
  };
}
