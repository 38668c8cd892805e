import type { CfnResource } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3vectors from 'aws-cdk-lib/aws-s3vectors';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourceNames } from '../config/naming';
import { pinLogicalId } from './logical-ids';
import { removalPolicyOf } from './removal';

/**
 * The knowledge base's vector store on Amazon S3 Vectors: a vector bucket and one index. Chosen over an
 * OpenSearch Serverless collection because CloudFormation creates it whole (no custom resource to create the
 * index), it has no always-on capacity (a collection bills at least one OCU around the clock), and it is
 * encrypted with the lake key like the rest of the lake.
 */
export class KnowledgeVectorStore extends Construct {
  readonly bucket: s3vectors.CfnVectorBucket;
  readonly index: s3vectors.CfnIndex;

  constructor(scope: Construct, id: string, props: { readonly config: EnvironmentConfig; readonly key: kms.IKey }) {
    super(scope, id);
    const { config } = props;
    const names = resourceNames(config);
    this.bucket = new s3vectors.CfnVectorBucket(this, 'Bucket', {
      vectorBucketName: names.vectorBucket,
      encryptionConfiguration: { sseType: 'aws:kms', kmsKeyArn: props.key.keyArn },
    });
    this.index = new s3vectors.CfnIndex(this, 'Index', {
      vectorBucketArn: this.bucket.attrVectorBucketArn,
      indexName: names.vectorIndex,
      dataType: 'float32',
      dimension: config.ai.embeddingDimensions,
      distanceMetric: 'cosine',
      // Bedrock stores the chunk text and its metadata in these keys; they exceed the filterable-metadata size limit.
      metadataConfiguration: { nonFilterableMetadataKeys: ['AMAZON_BEDROCK_TEXT', 'AMAZON_BEDROCK_METADATA'] },
    });
    for (const resource of [this.bucket, this.index] as CfnResource[])
      resource.applyRemovalPolicy(removalPolicyOf(config));
    pinLogicalId(this.bucket, 'KnowledgeVectorBucket');
    pinLogicalId(this.index, 'KnowledgeVectorIndex');
  }
}
