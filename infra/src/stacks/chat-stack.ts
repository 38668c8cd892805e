import { CHAT_LAMBDA_ENV } from '@autocorp/assistant/lambda-environment';
import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { LAKE_PREFIXES, resourceNames } from '../config/naming';
import { CHAT_HANDLER_LAMBDA, bundledLambdaCode } from '../constructs/lambda-code';
import { ConversationTable } from '../constructs/conversation-table';
import { lakeBucketRefs } from '../constructs/lake-bucket-refs';
import { foundationModelArn } from '../constructs/model-access';
import { removalPolicyOf } from '../constructs/removal';
import { acknowledgeWildcardResources } from '../nag/acknowledge';
import type { LakehouseStackProps } from './lakehouse-stack-props';

export interface ChatStackProps extends LakehouseStackProps {
  readonly key: kms.IKey;
  readonly databaseName: string;
  readonly knowledgeBaseId: string;
  readonly knowledgeBaseArn: string;
}

/**
 * The chat API: the assistant's chat handler as a Lambda function behind a function URL with IAM auth, answering
 * the platform API's chat routes (POST /api/chat as streamed server-sent events, GET /api/chat/info). Its role may invoke only the configured chat model, retrieve only from the lakehouse knowledge
 * base, run queries only in the environment's Athena workgroup over the catalog database, read the curated zone
 * and use the results location of the Athena results bucket. Conversations are kept in a DynamoDB table (lake key,
 * point-in-time recovery, TTL) the function may only get and put items of.
 */
export class ChatStack extends Stack {
  readonly handler: lambda.Function;
  readonly url: lambda.FunctionUrl;
  /** The conversations, so that a follow-up continues on whichever execution environment answers it. */
  readonly conversations: ConversationTable;
  /** What a caller of the chat API (the platform API's role, a user) attaches: invoke this function URL only. */
  readonly invokePolicy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: ChatStackProps) {
    super(scope, id, props);
    const { config, key } = props;
    const names = resourceNames(config);
    const { curated, athenaResults } = lakeBucketRefs(this, config);
    const arn = (service: string, resource: string) =>
      `arn:${this.partition}:${service}:${this.region}:${this.account}:${resource}`;
    const functionName = `${names.prefix}-chat`;
    this.conversations = new ConversationTable(this, 'Conversations', {
      config,
      key,
      tableName: `${names.prefix}-chat-conversations`,
    });

    const logGroup = new logs.LogGroup(this, 'ChatLogs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: config.retention.logRetentionDays as logs.RetentionDays,
      removalPolicy: removalPolicyOf(config),
    });
    const role = new iam.Role(this, 'ChatRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Chat Lambda: Nova Pro, the knowledge base, Athena queries over the curated zone',
    });
    const curatedObjects = curated.arnForObjects(`${LAKE_PREFIXES.curated}*`);
    const resultObjects = athenaResults.arnForObjects(`${LAKE_PREFIXES.athenaResults}*`);
    const glueTables = arn('glue', `table/${props.databaseName}/*`);
    const policy = new iam.Policy(this, 'ChatPolicy', {
      statements: [
        new iam.PolicyStatement({
          sid: 'Logs',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [logGroup.logGroupArn],
        }),
        new iam.PolicyStatement({
          sid: 'InvokeChatModel',
          actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
          resources: [foundationModelArn(this, config.ai.chatModelId)],
        }),
        new iam.PolicyStatement({
          sid: 'Retrieve',
          actions: ['bedrock:Retrieve'],
          resources: [props.knowledgeBaseArn],
        }),
        new iam.PolicyStatement({
          sid: 'AthenaWorkgroup',
          actions: [
            'athena:StartQueryExecution',
            'athena:GetQueryExecution',
            'athena:GetQueryResults',
            'athena:StopQueryExecution',
            'athena:GetWorkGroup',
          ],
          resources: [arn('athena', `workgroup/${names.workgroup}`)],
        }),
        new iam.PolicyStatement({
          sid: 'CatalogRead',
          actions: [
            'glue:GetDatabase',
            'glue:GetTable',
            'glue:GetTables',
            'glue:GetPartition',
            'glue:GetPartitions',
            'glue:BatchGetPartition',
          ],
          resources: [arn('glue', 'catalog'), arn('glue', `database/${props.databaseName}`), glueTables],
        }),
        new iam.PolicyStatement({
          sid: 'CuratedList',
          actions: ['s3:ListBucket', 's3:GetBucketLocation'],
          resources: [curated.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${LAKE_PREFIXES.curated}*`] } },
        }),
        new iam.PolicyStatement({ sid: 'CuratedRead', actions: ['s3:GetObject'], resources: [curatedObjects] }),
        new iam.PolicyStatement({
          sid: 'ResultsBucket',
          actions: ['s3:ListBucket', 's3:GetBucketLocation'],
          resources: [athenaResults.bucketArn],
        }),
        new iam.PolicyStatement({
          sid: 'ResultsObjects',
          actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
          resources: [resultObjects],
        }),
        new iam.PolicyStatement({
          sid: 'Conversations',
          actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
          resources: [this.conversations.table.tableArn],
        }),
        new iam.PolicyStatement({
          sid: 'LakeKey',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [key.keyArn],
        }),
      ],
    });
    policy.attachToRole(role);
    acknowledgeWildcardResources(
      policy,
      'The chat function writes only its own log group, reads the curated zone prefix and the catalog tables of its own database, and writes Athena results under the results/ prefix; those objects and tables are created at run time.',
      [logGroup.logGroupArn, curatedObjects, resultObjects, glueTables],
    );

    this.handler = new lambda.Function(this, 'ChatHandler', {
      functionName,
      description: 'AutoCorp assistant chat: answers questions from the lakehouse with Nova Pro and Athena',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.X86_64,
      code: bundledLambdaCode(CHAT_HANDLER_LAMBDA),
      handler: 'index.handler',
      role,
      logGroup,
      memorySize: 1024,
      timeout: Duration.minutes(2),
      environment: {
        [CHAT_LAMBDA_ENV.modelId]: config.ai.chatModelId,
        [CHAT_LAMBDA_ENV.knowledgeBaseId]: props.knowledgeBaseId,
        [CHAT_LAMBDA_ENV.workGroup]: names.workgroup,
        [CHAT_LAMBDA_ENV.database]: props.databaseName,
        [CHAT_LAMBDA_ENV.conversationTable]: this.conversations.table.tableName,
      },
    });
    this.handler.node.addDependency(policy);
    this.url = this.handler.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.AWS_IAM,
      invokeMode: lambda.InvokeMode.RESPONSE_STREAM,
    });
    this.invokePolicy = new iam.ManagedPolicy(this, 'ChatInvokePolicy', {
      managedPolicyName: `${names.prefix}-chat-invoke`,
      description: 'Call the AutoCorp chat API (its function URL, SigV4-signed)',
      statements: [
        new iam.PolicyStatement({
          sid: 'InvokeChatUrl',
          actions: ['lambda:InvokeFunctionUrl'],
          resources: [this.handler.functionArn],
          conditions: { StringEquals: { 'lambda:FunctionUrlAuthType': 'AWS_IAM' } },
        }),
      ],
    });
    new CfnOutput(this, 'ChatUrl', {
      value: this.url.url,
      description: 'POST <url>api/chat {"question": "..."}, GET <url>api/chat/info (SigV4, service lambda)',
    });
  }
}
