import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface ReportBucketProps {
  /**
   * What happens to the buckets (and every report file) when they leave the stack.
   *
   * @default RemovalPolicy.RETAIN - report files are evidence for certification and must outlive a stack
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Where finalize writes each run's report files (`reports/<runId>/report.json`, `report.html`,
 * `report.dsse.json`), beside a second bucket for the first one's server access logs.
 *
 * Fixed, not configurable:
 * - private: all public access blocked, ACLs disabled (bucket owner enforced)
 * - TLS only (a bucket policy denies `aws:SecureTransport = false`)
 * - versioned: an overwritten or deleted report file stays recoverable; the seal (DynamoDB and
 *   report.dsse.json) says which version is the sealed one
 * - SSE-S3 encryption: the files are not secret (targets' keys and URL tokens never reach them), and
 *   an S3-managed key needs no KMS grant or per-request KMS cost
 * - server access logs (who read or wrote which report) in the log bucket, kept 1 year
 */
export class ReportBucket extends Construct {
  public readonly bucket: Bucket;
  public readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: ReportBucketProps = {}) {
    super(scope, id);
    // Log delivery is granted by a bucket policy on the log bucket (logging.s3.amazonaws.com, this
    // account, the report bucket as source), not by the legacy LogDeliveryWrite ACL, so both buckets
    // keep ACLs disabled. The feature flag applies to this construct's buckets only.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // Server access log delivery requires SSE-S3 on the target bucket.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      removalPolicy,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "This is the access-log bucket of the report bucket: S3 writes the report bucket's server access logs here, and logging this bucket's own access into another bucket would only move the finding (AWS: a log bucket should not log to itself). Access to it is private, TLS-only and versioned.",
    });
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      // CDK's Bucket class does not satisfy its own IBucket under exactOptionalPropertyTypes (isWebsite).
      serverAccessLogsBucket: this.accessLogs as unknown as IBucket,
      serverAccessLogsPrefix: 'reports/',
      removalPolicy,
      lifecycleRules: [
        // Reports are read rarely after their first weeks; older versions are kept, cheaper.
        {
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }],
          noncurrentVersionTransitions: [
            { storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
          ],
        },
      ],
    });
  }
}
