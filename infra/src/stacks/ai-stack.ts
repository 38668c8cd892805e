import { manifestKey } from '@autocorp/assistant/publish-location';
import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { resourceNames } from '../config/naming';
import { lakeBucketRefs } from '../constructs/lake-bucket-refs';
import { foundationModelArn } from '../constructs/model-access';
import { acknowledge, acknowledgeWildcardResources } from '../nag/acknowledge';
import type { LakehouseStackProps } from './lakehouse-stack-props';

export interface AiStackProps extends LakehouseStackProps {
  readonly key: kms.IKey;
  readonly vectorBucketArn: string;
  readonly vectorIndexArn: string;
}

/**
 * The Bedrock knowledge base over the documents under `knowledge-documents/` of the curated bucket, embedded with
 * Titan Text Embeddings V2 into the S3 Vectors index of the data stack, and the managed policy the chat app's
 * role attaches to call Nova Pro, Titan Embeddings V2 and the knowledge base, and the one the publisher of the
 * documents (`autocorp assistant publish`) attaches.
 */
export class AiStack extends Stack {
  readonly knowledgeBase: bedrock.CfnKnowledgeBase;
  readonly dataSource: bedrock.CfnDataSource;
  readonly modelAccessPolicy: iam.ManagedPolicy;
  /** What `autocorp assistant publish` needs: write the documents and their manifest, run ingestion jobs. */
  readonly publishPolicy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: AiStackProps) {
    super(scope, id, props);
    const { config, key } = props;
    const { curated } = lakeBucketRefs(this, config);
    const names = resourceNames(config);
    const embeddingModel = foundationModelArn(this, config.ai.embeddingModelId);
    const chatModel = foundationModelArn(this, config.ai.chatModelId);
    const documents = config.ai.documentsPrefix;

    const role = new iam.Role(this, 'KnowledgeBaseRole', {
      assumedBy: new iam.ServicePrincipal('bedrock.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': this.account },
        ArnLike: { 'aws:SourceArn': `arn:${this.partition}:bedrock:${this.region}:${this.account}:knowledge-base/*` },
      }),
      description: 'Bedrock knowledge base: reads knowledge documents, embeds them, writes the vector index',
    });
    const documentObjects = curated.arnForObjects(`${documents}*`);
    const rolePolicy = new iam.Policy(this, 'KnowledgeBasePolicy', {
      statements: [
        new iam.PolicyStatement({ sid: 'Embed', actions: ['bedrock:InvokeModel'], resources: [embeddingModel] }),
        new iam.PolicyStatement({
          sid: 'ListDocuments',
          actions: ['s3:ListBucket'],
          resources: [curated.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${documents}*`] } },
        }),
        new iam.PolicyStatement({ sid: 'ReadDocuments', actions: ['s3:GetObject'], resources: [documentObjects] }),
        new iam.PolicyStatement({
          sid: 'VectorIndex',
          actions: [
            's3vectors:GetIndex',
            's3vectors:PutVectors',
            's3vectors:GetVectors',
            's3vectors:DeleteVectors',
            's3vectors:QueryVectors',
            's3vectors:ListVectors',
          ],
          resources: [props.vectorIndexArn],
        }),
        new iam.PolicyStatement({
          sid: 'LakeKey',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [key.keyArn],
        }),
      ],
    });
    rolePolicy.attachToRole(role);
    acknowledgeWildcardResources(
      rolePolicy,
      'The knowledge base ingests every document under the knowledge-documents/ prefix of the curated bucket, whatever its name, and nothing else.',
      [documentObjects],
    );

    this.knowledgeBase = new bedrock.CfnKnowledgeBase(this, 'KnowledgeBase', {
      name: names.knowledgeBase,
      description: 'AutoCorp knowledge documents (parts catalog notes, service procedures, policies)',
      roleArn: role.roleArn,
      knowledgeBaseConfiguration: {
        type: 'VECTOR',
        vectorKnowledgeBaseConfiguration: {
          embeddingModelArn: embeddingModel,
          embeddingModelConfiguration: {
            bedrockEmbeddingModelConfiguration: {
              dimensions: config.ai.embeddingDimensions,
              embeddingDataType: 'FLOAT32',
            },
          },
        },
      },
      storageConfiguration: {
        type: 'S3_VECTORS',
        s3VectorsConfiguration: { vectorBucketArn: props.vectorBucketArn, indexArn: props.vectorIndexArn },
      },
    });
    // Bedrock checks the role's access when the knowledge base is created.
    this.knowledgeBase.node.addDependency(rolePolicy);

    this.dataSource = new bedrock.CfnDataSource(this, 'KnowledgeDocuments', {
      name: `${names.knowledgeBase}-documents`,
      knowledgeBaseId: this.knowledgeBase.attrKnowledgeBaseId,
      dataDeletionPolicy: config.removal === 'retain' ? 'RETAIN' : 'DELETE',
      dataSourceConfiguration: {
        type: 'S3',
        s3Configuration: {
          bucketArn: curated.bucketArn,
          inclusionPrefixes: [documents],
          bucketOwnerAccountId: this.account,
        },
      },
      serverSideEncryptionConfiguration: { kmsKeyArn: key.keyArn },
      vectorIngestionConfiguration: {
        chunkingConfiguration: {
          chunkingStrategy: 'FIXED_SIZE',
          fixedSizeChunkingConfiguration: { maxTokens: 512, overlapPercentage: 20 },
        },
      },
    });

    this.publishPolicy = new iam.ManagedPolicy(this, 'KnowledgePublishPolicy', {
      managedPolicyName: `${names.prefix}-knowledge-publish`,
      description:
        'Publish the assistant knowledge documents (autocorp assistant publish): write them under the data source prefix, then sync the knowledge base',
      statements: [
        new iam.PolicyStatement({
          sid: 'ListDocuments',
          actions: ['s3:ListBucket'],
          resources: [curated.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${documents}*`] } },
        }),
        new iam.PolicyStatement({
          sid: 'WriteDocuments',
          actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
          resources: [documentObjects, curated.arnForObjects(manifestKey(documents))],
        }),
        new iam.PolicyStatement({
          sid: 'SyncKnowledgeBase',
          actions: ['bedrock:StartIngestionJob', 'bedrock:GetIngestionJob'],
          resources: [this.knowledgeBase.attrKnowledgeBaseArn],
        }),
        new iam.PolicyStatement({
          sid: 'LakeKey',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [key.keyArn],
        }),
      ],
    });
    acknowledgeWildcardResources(
      this.publishPolicy,
      'The publisher writes and deletes the knowledge documents under the knowledge-documents/ prefix of the curated bucket (one object per document, named by its id), and nothing else.',
      [documentObjects],
    );
    new CfnOutput(this, 'KnowledgeBaseId', {
      value: this.knowledgeBase.attrKnowledgeBaseId,
      description: 'autocorp assistant publish --knowledge-base-id',
    });
    new CfnOutput(this, 'KnowledgeDataSourceId', {
      value: this.dataSource.attrDataSourceId,
      description: 'autocorp assistant publish --data-source-id',
    });
    new CfnOutput(this, 'KnowledgeDocumentsUri', {
      value: `s3://${curated.bucketName}/${documents}`,
      description: 'autocorp assistant publish --to',
    });

    this.modelAccessPolicy = new iam.ManagedPolicy(this, 'ModelAccessPolicy', {
      managedPolicyName: `${names.prefix}-model-access`,
      description: 'Invoke Nova Pro and Titan Text Embeddings V2 in this region and query the lakehouse knowledge base',
      statements: [
        new iam.PolicyStatement({
          sid: 'InvokeModels',
          actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
          resources: [chatModel, embeddingModel],
        }),
        new iam.PolicyStatement({
          sid: 'QueryKnowledgeBase',
          actions: ['bedrock:Retrieve'],
          resources: [this.knowledgeBase.attrKnowledgeBaseArn],
        }),
        // RetrieveAndGenerate has no resource type, so AWS requires "*"; it grants nothing by itself: the caller still
        // needs bedrock:Retrieve on the knowledge base and bedrock:InvokeModel on the model, both scoped above.
        new iam.PolicyStatement({
          sid: 'RetrieveAndGenerate',
          actions: ['bedrock:RetrieveAndGenerate'],
          resources: ['*'],
        }),
      ],
    });
    acknowledge(
      this.modelAccessPolicy,
      'bedrock:RetrieveAndGenerate has no resource type (AWS requires "*"); it only works together with bedrock:Retrieve on this knowledge base and bedrock:InvokeModel on the two models, both scoped by ARN.',
      'AwsSolutions-IAM5[Resource::*]',
    );
  }
}
