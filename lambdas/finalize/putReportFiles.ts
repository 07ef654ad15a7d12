import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Report } from '#core/report/ReportSchema.ts';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { embedCjkFallbackFont } from '#reports/render/fonts/embedCjkFallbackFont.ts';
import { renderHtml } from '#reports/render/renderHtml.ts';
import { reportFileText } from '#reports/reportFileText.ts';
import { envelopeFileName } from '#reports/seal/writeEnvelopeFile.ts';
import { StoreError } from '#reports/store/StoreError.ts';
import { reportObjectPrefix } from '../shared/reportObjectPrefix.ts';

/** Each S3 call's deadline: the files are small (a report is at most a few MB). */
const putDeadlineMs = 30_000;

/**
 * Writes report.json (the exact text the seal's `reportFile` digest covers), report.html and
 * report.dsse.json to `reports/<runId>/` in the report bucket. Overwriting is harmless: the bucket
 * is versioned, and a retried finalize writes the same report and the same stored envelope.
 */
export async function putReportFiles(
  report: Report,
  envelopeText: string,
  deps: { readonly s3: S3Client; readonly bucketName: string },
): Promise<string> {
  // The run id becomes a key segment: checked against its pattern (no `/`, no `..`).
  const runId = RunIdSchema.parse(report.reportId);
  const prefix = `${reportObjectPrefix}${runId}/`;
  const files = [
    { name: 'report.json', body: reportFileText(report), contentType: 'application/json' },
    {
      name: 'report.html',
      // With its CJK fallback font, as the CLI writes it: a reader without a CJK font sees the Chinese.
      body: await embedCjkFallbackFont(renderHtml(report)),
      contentType: 'text/html; charset=utf-8',
    },
    { name: envelopeFileName, body: envelopeText, contentType: 'application/json' },
  ];
  for (const file of files) {
    try {
      await deps.s3.send(
        new PutObjectCommand({
          Bucket: deps.bucketName,
          Key: `${prefix}${file.name}`,
          Body: file.body,
          ContentType: file.contentType,
        }),
        { abortSignal: AbortSignal.timeout(putDeadlineMs) },
      );
    } catch (error) {
      throw new StoreError(
        `could not write ${file.name} of report ${runId} to s3://${deps.bucketName}/${prefix}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
  return `s3://${deps.bucketName}/${prefix}`;
}
