import { Duration } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourceNames } from '../config/naming';
import { acknowledge } from '../nag/acknowledge';
import { pinLogicalId } from './logical-ids';
import { removalPolicyOf } from './removal';

export interface LakeBucketsProps {
  readonly config: EnvironmentConfig;
  readonly key: kms.IKey;
  /**
   * Raw-bucket prefixes the jobs read once (each file through a job bookmark): only these age into Standard-IA and
   * Glacier. Everything else in the raw bucket stays in S3 Standard, above all the prefixes jobs reread in full each
   * run, whose Glacier objects Glue cannot read (see rawPrefixesByRead).
   */
  readonly archivableRawPrefixes: readonly string[];
}

/**
 * The lake's buckets: raw, processed, curated, Athena results, and the server-access-logs bucket the others log to.
 * Every bucket blocks public access, denies plain HTTP (enforceSSL) and aborts stale multipart uploads.
 */
export class LakeBuckets extends Construct {
  readonly raw: s3.Bucket;
  readonly processed: s3.Bucket;
  readonly curated: s3.Bucket;
  readonly athenaResults: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, { config, key, archivableRawPrefixes }: LakeBucketsProps) {
    super(scope, id);
    const names = resourceNames(config);
    const removalPolicy = removalPolicyOf(config);
    const autoDeleteObjects = config.removal === 'destroy';
    const abortUploads: s3.LifecycleRule = {
      id: 'abort-incomplete-uploads',
      abortIncompleteMultipartUploadAfter: Duration.days(7),
    };

    // Server access logs can only be delivered to a bucket with SSE-S3 (not SSE-KMS), hence S3-managed keys here.
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      bucketName: names.bucket('access-logs'),
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        abortUploads,
        { id: 'expire-access-logs', expiration: Duration.days(config.retention.accessLogDays) },
      ],
      removalPolicy,
      autoDeleteObjects,
    });
    pinLogicalId(this.accessLogs, 'AccessLogsBucket');
    acknowledge(
      this.accessLogs,
      'This is the server-access-log destination; logging it to itself would log every log delivery in a loop.',
      'AwsSolutions-S1',
    );

    const lakeBucket = (
      construct: string,
      logicalId: string,
      purpose: 'raw' | 'processed' | 'curated' | 'athena-results',
      extra: Partial<s3.BucketProps>,
    ): s3.Bucket => {
      const bucket = new s3.Bucket(this, construct, {
        bucketName: names.bucket(purpose),
        encryption: s3.BucketEncryption.KMS,
        encryptionKey: key,
        bucketKeyEnabled: true,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
        serverAccessLogsBucket: this.accessLogs,
        serverAccessLogsPrefix: `${purpose}/`,
        removalPolicy,
        autoDeleteObjects,
        ...extra,
      });
      pinLogicalId(bucket, logicalId);
      return bucket;
    };

    // Raw files are immutable landings (DMS, DataSync): no versioning. Only prefixes read once age into cheaper
    // storage: a job that rereads a prefix in full fails on a Glacier object and pays IA retrieval on every run.
    this.raw = lakeBucket('Raw', 'RawBucket', 'raw', {
      lifecycleRules: [
        abortUploads,
        ...archivableRawPrefixes.map((prefix): s3.LifecycleRule => ({
          id: `age-${prefix.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
          prefix,
          transitions: [
            {
              storageClass: s3.StorageClass.INFREQUENT_ACCESS,
              transitionAfter: Duration.days(config.retention.rawInfrequentAccessDays),
            },
            { storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(config.retention.rawGlacierDays) },
          ],
        })),
      ],
    });
    // Processed and curated data is rewritten in place by Hudi: versioning keeps recent versions to recover from a bad run.
    const versioned = (): Partial<s3.BucketProps> => ({
      versioned: true,
      lifecycleRules: [
        abortUploads,
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(config.retention.noncurrentVersionDays),
        },
      ],
    });
    this.processed = lakeBucket('Processed', 'ProcessedBucket', 'processed', versioned());
    this.curated = lakeBucket('Curated', 'CuratedBucket', 'curated', versioned());
    this.athenaResults = lakeBucket('AthenaResults', 'AthenaResultsBucket', 'athena-results', {
      lifecycleRules: [
        abortUploads,
        { id: 'expire-query-results', expiration: Duration.days(config.retention.athenaResultsDays) },
      ],
    });
  }
}
