import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { GlueClient } from '@aws-sdk/client-glue';
import { GlueWire } from '@autocorp/catalog/testing';
import { type LocalS3Server, startLocalS3Server } from '@autocorp/lake-storage/testing';
import { type OpenApiDocument, buildOpenApiDocument } from '@autocorp/platform-client';
import type { PlatformApiLambdaSettings } from '@autocorp/platform-client/platform-api-environment';
import { AthenaWire, type ScriptedQuery } from '@autocorp/query/testing';
import { type LambdaContext, type LambdaEvent, handle } from 'hono/aws-lambda';
import { expect } from 'vitest';
import { buildAwsApiApp } from '../../src/api/aws/aws-api-app';
import { AwsRuntime } from '../../src/api/aws/aws-runtime';
import { CloudWatchWire, type StoredSeries } from './cloudwatch-wire';
import { OpenApiValidator } from './openapi-validator';

const CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const client = { region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 };

export const AWS_SETTINGS: PlatformApiLambdaSettings = {
  environment: 'dev',
  lakeUri: 's3://raw-lake/',
  database: 'autocorp_dev',
  workGroup: 'autocorp-dev',
  resourcePrefix: 'autocorp-dev',
  replicationId: 'autocorp-dev-cdc',
};

/** The AWS backends of one test: Glue, S3 (s3rver over HTTP), Athena (one scripted query), CloudWatch. */
export interface AwsBackends {
  readonly glue: GlueWire;
  readonly glueClient: GlueClient;
  readonly s3: LocalS3Server;
}

export async function startAwsBackends(): Promise<AwsBackends> {
  const glue = new GlueWire(2);
  return {
    glue,
    glueClient: new GlueClient({ ...client, requestHandler: glue }),
    s3: await startLocalS3Server(['raw-lake']),
  };
}

export type AwsStatus = '200' | '400' | '404' | '501';

export interface AwsApiUnderTest {
  readonly athena: AthenaWire;
  readonly cloudWatch: CloudWatchWire;
  readonly validator: OpenApiValidator;
  /**
   * Sends a Lambda function URL event (what CloudFront's origin request becomes) through the handler, expects
   * `status`, and checks the body against the document's answer of `operationId`.
   */
  call(
    operationId: string,
    pathAndQuery: string,
    status?: AwsStatus,
    init?: { method?: string; body?: unknown },
  ): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The platform API's Lambda handler (hono/aws-lambda over the aws app) over the backends, Athena and CloudWatch scripted. */
export function awsApiUnderTest(
  backends: AwsBackends,
  options: {
    readonly athena?: ScriptedQuery;
    readonly cloudWatch?: (expression: string) => StoredSeries;
    readonly now?: number;
  } = {},
): AwsApiUnderTest {
  const athena = new AthenaWire(options.athena ?? { states: ['SUCCEEDED'], columns: [], rows: [] }, 1000);
  const cloudWatch = new CloudWatchWire(options.cloudWatch ?? (() => []));
  const runtime = new AwsRuntime({
    settings: AWS_SETTINGS,
    glue: backends.glueClient,
    athena: new AthenaClient({ ...client, requestHandler: athena }),
    s3: { endpoint: backends.s3.endpoint, credentials: backends.s3.credentials, region: 'us-east-1' },
    athenaPoll: { initialDelayMs: 1, maxDelayMs: 2, multiplier: 2 },
  });
  const now = options.now ?? Date.now();
  const { app } = buildAwsApiApp({
    runtime,
    settings: AWS_SETTINGS,
    cloudWatch: new CloudWatchClient({ ...client, requestHandler: cloudWatch }),
    now: () => now,
  });
  const lambda = handle(app);
  const validator = new OpenApiValidator(buildOpenApiDocument() as OpenApiDocument);
  const call: AwsApiUnderTest['call'] = async (operationId, pathAndQuery, status = '200', init = {}) => {
    const [rawPath, rawQueryString = ''] = pathAndQuery.split('?');
    const method = init.method ?? 'GET';
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath,
      rawQueryString,
      headers: { host: 'abc.lambda-url.us-east-1.on.aws', accept: 'application/json' },
      requestContext: {
        http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
        domainName: 'abc.lambda-url.us-east-1.on.aws',
        requestId: 'req-1',
        routeKey: '$default',
        stage: '$default',
        time: new Date(now).toISOString(),
        timeEpoch: now,
        accountId: '111111111111',
        apiId: 'abc',
        domainPrefix: 'abc',
      },
      isBase64Encoded: false,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    } as unknown as LambdaEvent;
    const response = await lambda(event, {} as LambdaContext);
    const text = response.isBase64Encoded ? Buffer.from(response.body, 'base64').toString('utf8') : response.body;
    expect(response.statusCode, `${pathAndQuery}: ${text.slice(0, 500)}`).toBe(Number(status));
    const body = JSON.parse(text) as unknown;
    expect(validator.problems(operationId, status, body), pathAndQuery).toEqual([]);
    return body;
  };
  return { athena, cloudWatch, validator, call };
}
