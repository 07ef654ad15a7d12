import { defineCheck } from '#core/checks/defineCheck.ts';
import { probeTls } from './probeTls.ts';
import { requireTls } from './requireTls.ts';

const expected = 'https with a verified certificate';

/**
 * NET-05 — JR/T 0184-2020 7.8 requires data in transit to be encrypted. The RPC endpoint the harness
 * (and every client) uses must speak TLS with a certificate a client can verify; an unverifiable
 * certificate gives no protection against a man in the middle, so it fails like plaintext.
 *
 * Comparison policy: `https:`/`wss:` endpoint, one explicit handshake to its host and port, trusting
 * the system roots plus the CA configured for the target, host name checked, TLS ≥ 1.2. Pass when it
 * verifies; the negotiated protocol, cipher and certificate are the evidence. Whether the cipher is an
 * SM-series (国密) suite, which 7.8 also asks for, is not judged here: Node's OpenSSL does not speak
 * TLCP/GM-TLS, so the cipher is recorded for the assessor instead.
 *
 * Plaintext with `requireTls: false`: a `skip` with a waiver, never a `pass`. The deployer has
 * declared transport encryption out of scope for this endpoint (e.g. TLS terminates at a gateway the
 * harness does not reach); the harness saw no encryption, so it must not certify any. The clause then
 * shows as 豁免 waived with the parameter that waived it.
 */
export const netRpcTls = defineCheck({
  id: 'net-rpc-tls',
  catalogueId: 'NET-05',
  kind: 'conformance',
  title: { zh: 'RPC 接口传输加密（TLS）', en: 'RPC transport is encrypted with verified TLS' },
  requires: [],
  parameters: [requireTls],
  faults: ['untrusted-certificate'],
  description:
    'Reads the RPC endpoint URL and, for https:// or wss://, performs one TLS handshake to its host and port ' +
    'trusting the system roots plus the CA configured for the target (TLS >= 1.2, host name verified). Passes ' +
    'when the handshake verifies; records protocol, cipher and certificate subject, issuer and validity. A ' +
    'plaintext endpoint is skipped with a waiver only when the run sets requireTls to false.',
  failsWhen:
    'The endpoint is plaintext (http://, ws://) while requireTls is true, or its certificate does not verify ' +
    '(self-signed, unknown CA, wrong host, expired), or no TLS session can be negotiated. Any plain http ' +
    'endpoint, such as the embedded anvil, fails.',
  async run({ adapter, params, requirements }) {
    const endpoint = adapter.info.endpoint;
    const scheme = new URL(endpoint).protocol;
    if (scheme !== 'https:' && scheme !== 'wss:') {
      const actual = `${scheme.replace(/:$/, '')} (plaintext)`;
      const evidence = { endpoint, requireTls: params.requireTls };
      if (!params.requireTls) {
        return {
          status: 'skip',
          skipReason: 'not-applicable',
          summary: `${endpoint} is plaintext and the run sets requireTls to false; transport encryption was not verified`,
          evidence,
          ...(requirements.requireTls === true
            ? {
                waiver: {
                  parameter: 'requireTls',
                  value: false,
                  requirement: true,
                  note: 'RPC traffic travels in plaintext; JR/T 0184-2020 7.8 requires it encrypted',
                },
              }
            : {}),
        };
      }
      return {
        status: 'fail',
        summary: `${endpoint} is not encrypted: RPC traffic, including signed transactions, travels in plaintext`,
        expected,
        actual,
        evidence,
      };
    }
    const caPem = adapter.caCertPem;
    const probe = await probeTls(endpoint, caPem);
    const evidence = { endpoint, customCaConfigured: caPem !== undefined, handshake: probe };
    const at = `${probe.host}:${probe.port}`;
    switch (probe.kind) {
      case 'verified':
        return {
          status: 'pass',
          summary: `${at} negotiated ${probe.protocol ?? 'TLS'} ${probe.cipher.standardName} with a verified certificate (${probe.certificate?.subject ?? 'no subject'})`,
          expected,
          actual: `${probe.protocol ?? 'TLS'}, certificate verified`,
          evidence,
        };
      case 'unverified':
        return {
          status: 'fail',
          summary: `${at} presented a certificate that does not verify (${probe.authorizationError}; subject ${probe.certificate?.subject ?? 'none'}, issuer ${probe.certificate?.issuer ?? 'none'})`,
          expected,
          actual: `${probe.protocol ?? 'TLS'} with an unverified certificate: ${probe.authorizationError}`,
          evidence,
        };
      case 'handshake-failed':
        return {
          status: 'fail',
          summary: `${at} accepted a connection but no TLS session came up (${probe.error.code}: ${probe.error.message})`,
          expected,
          actual: `no TLS handshake: ${probe.error.code}`,
          evidence,
        };
    }
  },
});
