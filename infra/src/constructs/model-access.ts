import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** A foundation model's ARN in the stack's region (foundation models have no account in their ARN). */
export function foundationModelArn(scope: IConstruct, modelId: string): string {
  const stack = Stack.of(scope);
  return `arn:${stack.partition}:bedrock:${stack.region}::foundation-model/${modelId}`;
}
