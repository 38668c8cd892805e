import { CHAT_LAMBDA_ENV } from '@autocorp/assistant/lambda-environment';
import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { resourceNames } from '../config/naming';
import { CHAT_HANDLER_LAMBDA, bundledLambdaCode } from '../constructs/lambda-code';
import { ConversationTable } from '../constructs/conversation-table';
import { lakeQueryAccess } from '../constructs/lake-query-access';
import { foundationModelArn } from '../constructs/model-access';
import { functionLogGroup, urlFunction } from '../constructs/url-function';
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
    const functionName = `${names.prefix}-chat`;
    this.conversations = new ConversationTable(this, 'Conversations', {
      config,
      key,
      tableName: `${names.prefix}-chat-conversations`,
    });

    const logGroup = functionLogGroup(this, 'ChatLogs', config, functionName);
    const role = new iam.Role(this, 'ChatRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Chat Lambda: Nova Pro, the knowledge base, Athena queries over the curated zone',
    });
    const access = lakeQueryAccess(this, { config, databaseName: props.databaseName, key, logGroup });
    const policy = new iam.Policy(this, 'ChatPolicy', {
      statements: [
        access.logs,
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
        access.athenaWorkgroup,
        access.catalogRead(['glue:BatchGetPartition']),
        access.curatedList,
        access.curatedRead,
        access.resultsBucket,
        access.resultsObjects,
        new iam.PolicyStatement({
          sid: 'Conversations',
          actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
          resources: [this.conversations.table.tableArn],
        }),
        access.lakeKey,
      ],
    });
    policy.attachToRole(role);
    acknowledgeWildcardResources(
      policy,
      'The chat function writes only its own log group, reads the curated zone prefix and the catalog tables of its own database, and writes Athena results under the results/ prefix; those objects and tables are created at run time.',
      access.wildcardResources,
    );

    ({ handler: this.handler, url: this.url } = urlFunction(this, 'ChatHandler', {
      functionName,
      description: 'AutoCorp assistant chat: answers questions from the lakehouse with Nova Pro and Athena',
      code: bundledLambdaCode(CHAT_HANDLER_LAMBDA),
      role,
      policy,
      logGroup,
      timeout: Duration.minutes(2),
      environment: {
        [CHAT_LAMBDA_ENV.modelId]: config.ai.chatModelId,
        [CHAT_LAMBDA_ENV.knowledgeBaseId]: props.knowledgeBaseId,
        [CHAT_LAMBDA_ENV.workGroup]: names.workgroup,
        [CHAT_LAMBDA_ENV.database]: props.databaseName,
        [CHAT_LAMBDA_ENV.conversationTable]: this.conversations.table.tableName,
      },
      invokeMode: lambda.InvokeMode.RESPONSE_STREAM,
    }));
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
