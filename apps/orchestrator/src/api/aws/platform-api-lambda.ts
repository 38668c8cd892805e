import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { GlueClient } from '@aws-sdk/client-glue';
import { platformApiLambdaSettings } from '@autocorp/platform-client/platform-api-environment';
import type { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { buildAwsApiApp } from './aws-api-app';
import { AwsRuntime } from './aws-runtime';

/** The app of this Lambda environment, made on the first request (cold start) from the variables the web stack sets. */
function awsApp(): Hono {
  const settings = platformApiLambdaSettings(process.env);
  const runtime = new AwsRuntime({ settings, glue: new GlueClient({}), athena: new AthenaClient({}) });
  return buildAwsApiApp({
    runtime,
    settings,
    cloudWatch: new CloudWatchClient({}),
    onError: (error) => console.error(error),
  }).app;
}

let app: Hono | undefined;

/** The Lambda handler (`index.handler`): the platform API behind a function URL (buffered JSON answers). */
export const handler: ReturnType<typeof handle> = (event, context) => {
  app ??= awsApp();
  return handle(app)(event, context);
};
