import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourceNames } from '../config/naming';

export interface LakeBucketRefs {
  readonly raw: s3.IBucket;
  readonly processed: s3.IBucket;
  readonly curated: s3.IBucket;
  readonly athenaResults: s3.IBucket;
}

/**
 * The data stack's buckets as seen from another stack, by their fixed names. Policies then hold literal ARNs (exact
 * to review and to acknowledge in cdk-nag) instead of cross-stack references; stacks still depend on the data stack.
 */
export function lakeBucketRefs(scope: Construct, config: EnvironmentConfig): LakeBucketRefs {
  const names = resourceNames(config);
  const ref = (id: string, purpose: 'raw' | 'processed' | 'curated' | 'athena-results'): s3.IBucket =>
    s3.Bucket.fromBucketName(scope, id, names.bucket(purpose));
  return {
    raw: ref('RawBucket', 'raw'),
    processed: ref('ProcessedBucket', 'processed'),
    curated: ref('CuratedBucket', 'curated'),
    athenaResults: ref('AthenaResultsBucket', 'athena-results'),
  };
}
