import type { StackKey } from '../src/app/stack-ids';
import type { FoundStatement } from './support/policy-statements';

/** The only Allow statements that may use Action "*" or Resource "*", each with why AWS requires it. */
export const WILDCARD_ALLOW_LIST: readonly {
  readonly stack?: StackKey;
  readonly type: string;
  readonly sid?: string;
  readonly reason: string;
  readonly matches: (s: FoundStatement) => boolean;
}[] = [
  {
    type: 'AWS::KMS::Key',
    reason:
      'In a key policy "Resource": "*" means the key itself; the principals and actions are what the policy limits.',
    matches: (s) => s.type === 'AWS::KMS::Key' && !s.actions.includes('*'),
  },
  {
    stack: 'etl',
    type: 'AWS::IAM::Policy',
    sid: 'GlueJobMetrics',
    reason: 'cloudwatch:PutMetricData has no resource type; a condition limits it to the Glue namespaces.',
    matches: (s) =>
      s.stack === 'etl' &&
      s.sid === 'GlueJobMetrics' &&
      s.actions.length === 1 &&
      s.actions[0] === 'cloudwatch:PutMetricData',
  },
  {
    stack: 'ai',
    type: 'AWS::IAM::ManagedPolicy',
    sid: 'RetrieveAndGenerate',
    reason: 'bedrock:RetrieveAndGenerate has no resource type; Retrieve and InvokeModel stay scoped by ARN.',
    matches: (s) =>
      s.stack === 'ai' &&
      s.sid === 'RetrieveAndGenerate' &&
      s.actions.length === 1 &&
      s.actions[0] === 'bedrock:RetrieveAndGenerate',
  },
  {
    stack: 'web',
    type: 'AWS::IAM::Policy',
    sid: 'MetricsRead',
    reason: 'cloudwatch:GetMetricData has no resource type; the platform API only reads metrics with it.',
    matches: (s) =>
      s.stack === 'web' &&
      s.sid === 'MetricsRead' &&
      s.actions.length === 1 &&
      s.actions[0] === 'cloudwatch:GetMetricData',
  },
  {
    stack: 'web',
    type: 'AWS::IAM::Policy',
    reason:
      "CDK's BucketDeployment handler invalidates the distribution after a deploy; CDK grants the invalidation calls on every distribution.",
    matches: (s) =>
      s.stack === 'web' &&
      s.logicalId.startsWith('CustomCDKBucketDeployment') &&
      s.actions.every((a) => a === 'cloudfront:CreateInvalidation' || a === 'cloudfront:GetInvalidation'),
  },
];

/** Allow statements granting every action or every resource that no allow-list entry explains. */
export function unexplainedWildcards(statements: readonly FoundStatement[]): FoundStatement[] {
  return statements.filter(
    (s) =>
      s.effect === 'Allow' &&
      (s.actions.includes('*') || s.resources.includes('*')) &&
      !WILDCARD_ALLOW_LIST.some((entry) => entry.matches(s)),
  );
}
