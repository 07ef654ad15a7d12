import { GetObjectCommand, HeadObjectCommand, NotFound, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { envelopeFileName } from '#reports/seal/writeEnvelopeFile.ts';
import { reportObjectPrefix } from '../shared/reportObjectPrefix.ts';
import { type ReportFile, reportFileLinkTtlS } from './schema.ts';

const fileNames = ['report.json', 'report.html', envelopeFileName] as const;

/** Each S3 call's deadline: API Gateway gives the whole request 29 s. */
const headDeadlineMs = 5_000;

/**
 * The files finalize wrote for a run (`reports/<runId>/report.json`, `report.html`,
 * `report.dsse.json`), each with a presigned GET link valid for `reportFileLinkTtlS`. A file that is
 * not there (a report the CLI stored, or one whose files could not be written) is left out rather
 * than linked: HeadObject first, which the same `s3:GetObject` grant allows. The link acts as the
 * read function's role, whose session may end sooner than the link (it then answers 403).
 * `runId` must be a checked run id: it becomes a key segment.
 */
export async function describeReportFiles(
  s3: S3Client,
  bucket: string,
  runId: string,
  now: Date = new Date(),
): Promise<ReportFile[]> {
  const urlExpiresAt = new Date(now.getTime() + reportFileLinkTtlS * 1_000).toISOString();
  const files = await Promise.all(
    fileNames.map(async (name): Promise<ReportFile | undefined> => {
      const key = `${reportObjectPrefix}${runId}/${name}`;
      try {
        await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), {
          abortSignal: AbortSignal.timeout(headDeadlineMs),
        });
      } catch (error) {
        if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return undefined;
        throw error;
      }
      const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), {
        expiresIn: reportFileLinkTtlS,
        signingDate: now,
      });
      return { name, bucket, key, url, urlExpiresAt };
    }),
  );
  return files.filter((f) => f !== undefined);
}
