import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { reportFileText } from '../reportFileText.ts';
import { createLocalKeySigner } from './createLocalKeySigner.ts';
import { createVerifyingKey } from './createVerifyingKey.ts';
import { envelopeFileText } from './envelopeFileText.ts';
import { generateSigningKey } from './generateSigningKey.ts';
import { requirePemDer } from './pemDer.ts';
import type { VerifyingKey } from './Signer.ts';
import { sealReport } from './sealReport.ts';
import { verifySealedReport } from './verifySealedReport.ts';

/** Flips bits of one byte (mask 1–255), as a disk error or an editor would, and decodes as verify reads files. */
function flip(bytes: Buffer, index: number, mask: number): string {
  const copy = Buffer.from(bytes);
  copy[index] = (copy[index] ?? 0) ^ mask;
  return copy.toString('utf8');
}

describe('a sealed report: any changed byte is detected (property)', () => {
  let report: Buffer;
  let envelope: Buffer;
  let keys: VerifyingKey[];

  beforeAll(async () => {
    const key = generateSigningKey('ed25519');
    const sealed = await sealReport(sampleReport(), createLocalKeySigner(key.privateKeyPem, 'k'), null);
    report = Buffer.from(reportFileText(sampleReport()));
    envelope = Buffer.from(envelopeFileText(sealed.envelope));
    keys = [createVerifyingKey(requirePemDer(key.publicKeyPem, 'PUBLIC KEY', 'pub'), 'pub')];
    expect(verifySealedReport(envelope.toString(), report.toString(), keys).ok).toBe(true);
  });

  it('fails verification when any byte of report.json changes', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const result = verifySealedReport(envelope.toString(), flip(report, at % report.length, mask), keys);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('fails verification when any byte of report.dsse.json changes', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const result = verifySealedReport(
          flip(envelope, at % envelope.length, mask),
          report.toString(),
          keys,
        );
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('fails on every single-byte change of the envelope, exhaustively for one mask per byte', () => {
    for (let at = 0; at < envelope.length; at++) {
      for (const mask of [0x01, 0x20, 0x29]) {
        expect(
          verifySealedReport(flip(envelope, at, mask), report.toString(), keys).ok,
          `byte ${at} ^ ${mask}`,
        ).toBe(false);
      }
    }
  });
});
