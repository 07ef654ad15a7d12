import type { Report } from '#core/report/ReportSchema.ts';
import { reportFileText } from '../reportFileText.ts';
import { canonicalJson } from './canonicalJson.ts';
import type { DsseEnvelope } from './DsseEnvelopeSchema.ts';
import { pae } from './pae.ts';
import {
  inTotoPayloadType,
  inTotoStatementType,
  type SealLink,
  type SealStatement,
  sealedReportFileName,
  sealPredicateType,
} from './SealStatementSchema.ts';
import type { Signer } from './Signer.ts';
import { sha256Hex } from './sha256Hex.ts';
import { targetFingerprint } from './targetFingerprint.ts';

export interface SealedReport {
  readonly envelope: DsseEnvelope;
  readonly statement: SealStatement;
  /** Hex SHA-256 of the report's RFC 8785 form: the link the next report of the target carries. */
  readonly digest: string;
  readonly targetFingerprint: string;
}

/**
 * Seals a report: an in-toto Statement v1 whose subject is report.json by the SHA-256 of its
 * canonical (RFC 8785) form, and whose predicate says what was evaluated (profile, harness, target
 * fingerprint, verdict) and which sealed report of the same target came before, signed in a DSSE
 * envelope. The report is not inside the envelope: any copy of report.json, however indented,
 * verifies against it, and a changed value does not.
 */
export async function sealReport(
  report: Report,
  signer: Signer,
  previous: SealLink | null,
): Promise<SealedReport> {
  const text = reportFileText(report);
  // Over the report as report.json holds it (JSON.stringify drops undefined fields).
  const digest = sha256Hex(canonicalJson(JSON.parse(text)));
  const fingerprint = targetFingerprint(report.target);
  const statement: SealStatement = {
    _type: inTotoStatementType,
    subject: [{ name: sealedReportFileName, digest: { sha256: digest } }],
    predicateType: sealPredicateType,
    predicate: {
      runId: report.reportId,
      createdAt: report.createdAt,
      profile: { id: report.profile.id, version: report.profile.version, digest: report.profile.digest },
      harness: report.harness,
      target: {
        fingerprint,
        family: report.target.family,
        chainId: report.target.chainId,
        genesisHash: report.target.genesisHash,
        clientVersion: report.target.clientVersion,
        endpoint: report.target.endpoint,
      },
      runStatus: report.run.status,
      verdict: report.overall.verdict,
      score: report.score.value,
      coverage: report.score.coverage,
      reportFile: { sha256: sha256Hex(text) },
      previous,
    },
  };
  const payload = Buffer.from(canonicalJson(statement), 'utf8');
  const signature = await signer.sign(pae(inTotoPayloadType, payload));
  return {
    envelope: {
      payload: payload.toString('base64'),
      payloadType: inTotoPayloadType,
      signatures: [{ keyid: signer.keyId, sig: Buffer.from(signature).toString('base64') }],
    },
    statement,
    digest,
    targetFingerprint: fingerprint,
  };
}
