import type { Duration } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { removalPolicyOf } from './removal';

/** A Lambda function's log group (`/aws/lambda/<name>`), kept as long as the environment keeps logs. */
export function functionLogGroup(
  scope: Construct,
  id: string,
  config: EnvironmentConfig,
  functionName: string,
): logs.LogGroup {
  return new logs.LogGroup(scope, id, {
    logGroupName: `/aws/lambda/${functionName}`,
    retention: config.retention.logRetentionDays as logs.RetentionDays,
    removalPolicy: removalPolicyOf(config),
  });
}

export interface UrlFunctionProps {
  readonly functionName: string;
  readonly description: string;
  readonly code: lambda.Code;
  readonly role: iam.IRole;
  /** The role's policy: the function is created after it, so it never starts without its permissions. */
  readonly policy: iam.Policy;
  readonly logGroup: logs.ILogGroup;
  readonly timeout: Duration;
  readonly environment: Record<string, string>;
  readonly invokeMode?: lambda.InvokeMode;
}

/**
 * A bundled Node.js handler of this repository (Node 24, x86_64 as the bundled DuckDB packages, 1 GB, `index.handler`)
 * behind a function URL with IAM auth (SigV4).
 */
export function urlFunction(
  scope: Construct,
  id: string,
  props: UrlFunctionProps,
): { handler: lambda.Function; url: lambda.FunctionUrl } {
  const handler = new lambda.Function(scope, id, {
    functionName: props.functionName,
    description: props.description,
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.X86_64,
    code: props.code,
    handler: 'index.handler',
    role: props.role,
    logGroup: props.logGroup,
    memorySize: 1024,
    timeout: props.timeout,
    environment: props.environment,
  });
  handler.node.addDependency(props.policy);
  const url = handler.addFunctionUrl({
    authType: lambda.FunctionUrlAuthType.AWS_IAM,
    ...(props.invokeMode !== undefined ? { invokeMode: props.invokeMode } : {}),
  });
  return { handler, url };
}
