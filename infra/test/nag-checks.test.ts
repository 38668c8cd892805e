import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { acknowledge, acknowledgeWildcardResources } from '../src/nag/acknowledge';
import { unexplainedWildcards } from './least-privilege';
import type { FoundStatement } from './support/policy-statements';

function appWithWildcardRole(): { app: App; role: iam.Role; objects: string } {
  const app = new App();
  const stack = new Stack(app, 'Probe', { env: { account: '111111111111', region: 'us-east-1' } });
  const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'probe-bucket');
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('glue.amazonaws.com') });
  const objects = bucket.arnForObjects('raw/*');
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [objects] }));
  return { app, role, objects };
}

describe('the checks the environment tests rely on', () => {
  it('cdk-nag reports an unacknowledged wildcard resource with its exact finding id', () => {
    const { app } = appWithWildcardRole();
    const violations = new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName);
    expect(violations).toContain('AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::probe-bucket/raw/*]');
  });

  it('an acknowledgement with a reason clears exactly that finding', () => {
    const { app, role, objects } = appWithWildcardRole();
    acknowledgeWildcardResources(role, 'Probe objects are created at run time under raw/ only.', [objects]);
    const violations = new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName);
    expect(violations.filter((id) => id.startsWith('AwsSolutions-IAM5'))).toEqual([]);
  });

  it('refuses an acknowledgement without a real reason', () => {
    const { role } = appWithWildcardRole();
    expect(() => acknowledge(role, 'ok', 'AwsSolutions-IAM5')).toThrow(/needs a real reason/);
  });

  it('the least-privilege walk flags Action "*" and Resource "*" unless allow-listed', () => {
    const statement = (overrides: Partial<FoundStatement>): FoundStatement => ({
      stack: 'etl',
      logicalId: 'Policy',
      type: 'AWS::IAM::Policy',
      sid: undefined,
      effect: 'Allow',
      actions: ['s3:GetObject'],
      resources: ['arn:aws:s3:::b/k'],
      ...overrides,
    });
    const everything = statement({ actions: ['*'] });
    const anyResource = statement({ resources: ['*'] });
    const metrics = statement({ sid: 'GlueJobMetrics', actions: ['cloudwatch:PutMetricData'], resources: ['*'] });
    const deny = statement({ effect: 'Deny', actions: ['*'], resources: ['*'] });
    const keyPolicy = statement({ type: 'AWS::KMS::Key', stack: 'data', actions: ['kms:Decrypt'], resources: ['*'] });
    expect(unexplainedWildcards([everything, anyResource, metrics, deny, keyPolicy, statement({})])).toEqual([
      everything,
      anyResource,
    ]);
  });
});
