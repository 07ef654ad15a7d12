import type { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Report } from '#core/report/ReportSchema.ts';
import type { SealStore } from '#core/store/SealStore.ts';
import { createKmsSigner } from '#reports/seal/createKmsSigner.ts';
import { envelopeFileText } from '#reports/seal/envelopeFileText.ts';
import { sealAndStore } from '#reports/seal/sealAndStore.ts';
import { putReportFiles } from './putReportFiles.ts';

export interface PublishReportDeps {
  readonly kms: KMSClient;
  readonly s3: S3Client;
  readonly seals: SealStore;
  readonly bucketName: string;
  readonly signingKeyId: string;
}

export interface PublishedReport {
  /** `s3://bucket/reports/<runId>/` */
  readonly location: string;
  readonly keyId: string;
  /** The sealed report this one links to on its target's chain, or null for the first. */
  readonly previousReportId: string | null;
}

/**
 * Seals a finalized report with the stack's KMS key on its target's hash chain (sealAndStore, the
 * CLI's envelope) and writes what `chaineval evaluate` writes to its `--out` folder, report.json,
 * report.html and report.dsse.json, to `reports/<runId>/` in the report bucket. report.json is put
 * with the exact text the seal's `reportFile` digest covers (reportFileText), so a downloaded copy
 * verifies with `chaineval verify` and the key's public key.
 */
export async function publishReport(report: Report, deps: PublishReportDeps): Promise<PublishedReport> {
  const signer = await createKmsSigner({ client: deps.kms, kmsKeyId: deps.signingKeyId });
  const sealed = await sealAndStore(report, signer, deps.seals);
  const previous = sealed.statement.predicate.previous;
  const location = await putReportFiles(report, envelopeFileText(sealed.envelope), deps);
  return { location, keyId: signer.keyId, previousReportId: previous === null ? null : previous.reportId };
}
