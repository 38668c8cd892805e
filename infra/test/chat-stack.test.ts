import { CONVERSATION_TABLE } from '@autocorp/assistant/conversation-table';
import { CHAT_LAMBDA_ENV } from '@autocorp/assistant/lambda-environment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceNames } from '../src/config/naming';
import { type FoundStatement, policyStatements } from './support/policy-statements';
import { type SynthesizedEnvironment, synthesizeEnvironment } from './support/synthesize';

let dev: SynthesizedEnvironment;
let chat: FoundStatement[];
beforeAll(() => {
  dev = synthesizeEnvironment('dev');
  chat = policyStatements(dev).filter((s) => s.stack === 'chat');
});
afterAll(() => dev.cleanup());

/** The statements of the chat role that grant `action`. */
const granting = (action: string) => chat.filter((s) => s.effect === 'Allow' && s.actions.includes(action));

describe('dev: chat stack', () => {
  it('serves the chat handler through a function URL with IAM auth and streamed responses', () => {
    dev.templates.chat.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'AWS_IAM',
      InvokeMode: 'RESPONSE_STREAM',
    });
    expect(Object.keys(dev.templates.chat.findResources('AWS::Lambda::Permission'))).toEqual([]);
    const invoke = granting('lambda:InvokeFunctionUrl');
    expect(invoke).toHaveLength(1);
    expect(invoke[0]?.type).toBe('AWS::IAM::ManagedPolicy');
    expect(JSON.stringify(invoke[0]?.resources)).toMatch(/^\[\{"Fn::GetAtt":\["ChatHandler[0-9A-F]+","Arn"\]\}\]$/);
  });

  it('tells the handler its model, knowledge base, workgroup and database through the variables it reads', () => {
    const names = resourceNames(dev.config);
    const [fn] = Object.values(dev.templates.chat.findResources('AWS::Lambda::Function'));
    const variables = (fn?.Properties as { Environment: { Variables: Record<string, unknown> } }).Environment.Variables;
    expect(variables[CHAT_LAMBDA_ENV.modelId]).toBe(dev.config.ai.chatModelId);
    expect(variables[CHAT_LAMBDA_ENV.workGroup]).toBe(names.workgroup);
    expect(variables[CHAT_LAMBDA_ENV.database]).toBe(names.glueDatabase);
    expect(JSON.stringify(variables[CHAT_LAMBDA_ENV.knowledgeBaseId])).toMatch(/KnowledgeBase.*KnowledgeBaseId/);
    expect(fn?.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Architectures: ['x86_64'],
    });
  });

  it('may invoke only the configured chat model and retrieve only from the knowledge base', () => {
    const model = `arn:aws:bedrock:us-east-1::foundation-model/${dev.config.ai.chatModelId}`;
    for (const action of ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'])
      expect(granting(action).flatMap((s) => s.resources)).toEqual([model]);
    const retrieve = granting('bedrock:Retrieve').flatMap((s) => s.resources);
    expect(JSON.stringify(retrieve)).toMatch(
      /^\[\{"Fn::GetStackOutput":\{"StackName":"autocorp-dev-ai".*KnowledgeBaseArn.*\}\]$/,
    );
    expect(chat.flatMap((s) => s.actions).filter((a) => a.startsWith('bedrock:'))).toHaveLength(3);
  });

  it('queries only in its Athena workgroup and never writes the catalog, the lake or deletes anything', () => {
    const workgroup = `arn:aws:athena:us-east-1:111111111111:workgroup/${resourceNames(dev.config).workgroup}`;
    expect(granting('athena:StartQueryExecution').flatMap((s) => s.resources)).toEqual([workgroup]);
    const actions = chat.flatMap((s) => s.actions);
    expect(actions.filter((a) => /^glue:(Create|Update|Delete|Batch(Create|Update|Delete))/.test(a))).toEqual([]);
    expect(actions.filter((a) => /^s3:(Delete|PutBucket|PutObjectAcl)/.test(a) || a.includes('*'))).toEqual([]);
    const puts = granting('s3:PutObject').flatMap((s) => s.resources);
    expect(puts).toEqual([`arn:aws:s3:::${resourceNames(dev.config).bucket('athena-results')}/results/*`]);
  });

  it('keeps the conversations in a DynamoDB table: the lake key, point-in-time recovery, TTL on the store’s attribute', () => {
    const tables = Object.entries(dev.templates.chat.findResources('AWS::DynamoDB::Table'));
    expect(tables).toHaveLength(1);
    const [logicalId, table] = tables[0] ?? [];
    expect(table?.Properties).toMatchObject({
      TableName: `${resourceNames(dev.config).prefix}-chat-conversations`,
      KeySchema: [{ AttributeName: CONVERSATION_TABLE.partitionKey, KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: CONVERSATION_TABLE.partitionKey, AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: CONVERSATION_TABLE.ttlAttribute, Enabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
    });
    expect(JSON.stringify(table?.Properties.SSESpecification.KMSMasterKeyId)).toMatch(/autocorp-dev-data.*LakeKey/);
    // The handler is told the table, and may only get and put its items.
    const [fn] = Object.values(dev.templates.chat.findResources('AWS::Lambda::Function'));
    const variables = (fn?.Properties as { Environment: { Variables: Record<string, unknown> } }).Environment.Variables;
    expect(variables[CHAT_LAMBDA_ENV.conversationTable]).toEqual({ Ref: logicalId });
    const dynamo = chat.filter((s) => s.actions.some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.flatMap((s) => s.actions).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    expect(dynamo.flatMap((s) => s.resources)).toEqual([{ 'Fn::GetAtt': [logicalId, 'Arn'] }]);
  });

  it('is deployed with the chat app, after the stacks it names', () => {
    const ids = dev.stacks.chat.dependencies.map((s) => s.node.id).sort();
    expect(ids).toEqual(['Ai', 'Data', 'Query']);
  });
});
