import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { reportFileText } from '../reportFileText.ts';
import { createLocalKeySigner } from './createLocalKeySigner.ts';
import { createVerifyingKey } from './createVerifyingKey.ts';
import { envelopeFileText } from './envelopeFileText.ts';
import { generateSigningKey, type KeyAlgorithm } from './generateSigningKey.ts';
import { pae } from './pae.ts';
import { requirePemDer } from './pemDer.ts';
import { SealStatementSchema, sealPredicateType } from './SealStatementSchema.ts';
import { sealReport } from './sealReport.ts';
import { targetFingerprint } from './targetFingerprint.ts';
import { verifySealedReport } from './verifySealedReport.ts';

function keyPair(algorithm: KeyAlgorithm) {
  const key = generateSigningKey(algorithm);
  return {
    key,
    signer: createLocalKeySigner(key.privateKeyPem, `${algorithm}.pem`),
    verifying: createVerifyingKey(
      requirePemDer(key.publicKeyPem, 'PUBLIC KEY', 'pub'),
      `${algorithm}.pub.pem`,
    ),
  };
}

describe('sealReport and verifySealedReport', () => {
  const report = sampleReport();
  const reportText = reportFileText(report);

  it.each(['ed25519', 'p256', 'sm2'] as const)(
    'round-trips with a %s key and says which key signed',
    async (algorithm) => {
      const { signer, verifying, key } = keyPair(algorithm);
      expect(signer.keyId).toBe(key.keyId);
      expect(verifying.keyId).toBe(key.keyId);
      const sealed = await sealReport(report, signer, null);
      const result = verifySealedReport(envelopeFileText(sealed.envelope), reportText, [verifying]);
      expect(result).toMatchObject({ ok: true, key: { keyId: key.keyId }, digest: sealed.digest });
    },
  );

  it('signs an in-toto Statement v1 naming the report, profile, harness, target and verdict', async () => {
    const { signer } = keyPair('ed25519');
    const previous = { reportId: '20261123T090000Z-0000abcd', digest: { sha256: 'a'.repeat(64) } };
    const sealed = await sealReport(report, signer, previous);
    expect(sealed.envelope.payloadType).toBe('application/vnd.in-toto+json');
    const statement = SealStatementSchema.parse(
      JSON.parse(Buffer.from(sealed.envelope.payload, 'base64').toString()),
    );
    expect(statement).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'report.json', digest: { sha256: sealed.digest } }],
      predicateType: sealPredicateType,
      predicate: {
        runId: report.reportId,
        profile: { id: 'jrt-0193-2020', version: report.profile.version, digest: report.profile.digest },
        harness: { name: 'chaineval', version: report.harness.version },
        target: { fingerprint: targetFingerprint(report.target), chainId: '31337' },
        verdict: 'nonconform',
        previous,
      },
    });
    expect(sealed.envelope.signatures).toEqual([{ keyid: signer.keyId, sig: expect.any(String) }]);
  });

  it('verifies a P-256 seal with openssl, so a regulator needs no chaineval to check it', async () => {
    const { signer, key } = keyPair('p256');
    const sealed = await sealReport(report, signer, null);
    const dir = mkdtempSync(join(tmpdir(), 'chaineval-seal-'));
    try {
      writeFileSync(join(dir, 'pub.pem'), key.publicKeyPem);
      writeFileSync(
        join(dir, 'pae.bin'),
        pae(sealed.envelope.payloadType, Buffer.from(sealed.envelope.payload, 'base64')),
      );
      writeFileSync(join(dir, 'sig.der'), Buffer.from(sealed.envelope.signatures[0]!.sig, 'base64'));
      const out = execFileSync(
        'openssl',
        [
          'dgst',
          '-sha256',
          '-verify',
          join(dir, 'pub.pem'),
          '-signature',
          join(dir, 'sig.der'),
          join(dir, 'pae.bin'),
        ],
        { encoding: 'utf8' },
      );
      expect(out).toContain('Verified OK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names what failed: digest mismatch, bad signature, unknown key, malformed envelope', async () => {
    const { signer, verifying } = keyPair('ed25519');
    const other = keyPair('ed25519');
    const sealed = await sealReport(report, signer, null);
    const envelope = envelopeFileText(sealed.envelope);
    const changed = reportText.replace('the node accepted a replay', 'the node rejected a replay');
    expect(changed).not.toBe(reportText);
    expect(verifySealedReport(envelope, changed, [verifying])).toMatchObject({
      ok: false,
      failure: 'digest-mismatch',
    });
    expect(verifySealedReport(envelope, reportText, [other.verifying])).toMatchObject({
      ok: false,
      failure: 'unknown-key',
    });
    // The trusted key has the envelope's key id but another public key: the signature is what fails.
    const impostor = { ...other.verifying, keyId: signer.keyId };
    expect(verifySealedReport(envelope, reportText, [impostor])).toMatchObject({
      ok: false,
      failure: 'bad-signature',
    });
    expect(verifySealedReport('{"payload":1}', reportText, [verifying])).toMatchObject({
      ok: false,
      failure: 'malformed-envelope',
    });
    expect(verifySealedReport('not json', reportText, [verifying])).toMatchObject({
      ok: false,
      failure: 'malformed-envelope',
    });
  });

  it('refuses a whitespace-only change of report.json, with its own reason', async () => {
    const { signer, verifying } = keyPair('ed25519');
    const sealed = await sealReport(report, signer, null);
    const result = verifySealedReport(envelopeFileText(sealed.envelope), reportText.replace('\n', '\n '), [
      verifying,
    ]);
    expect(result).toMatchObject({
      ok: false,
      failure: 'digest-mismatch',
      message: expect.stringMatching(/layout or whitespace/),
    });
  });
});
