import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import type { CsvSourceConfig } from '../src/config/environment-config';
import { ENVIRONMENTS } from '../src/config/environments';
import { CsvTransfer } from '../src/constructs/csv-transfer';

const AGENT = 'arn:aws:datasync:us-east-1:111111111111:agent/agent-0123456789abcdef0';
const SECRET = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:autocorp/csv-source-AbCdEf';

function transferFrom(source: CsvSourceConfig): Template {
  const app = new App();
  const stack = new Stack(app, 'Transfer', { env: { account: '111111111111', region: 'us-east-1' } });
  new CsvTransfer(stack, 'CsvTransfer', {
    config: { ...ENVIRONMENTS.dev, csvTransfer: { source } },
    key: new kms.Key(stack, 'Key'),
    rawBucket: s3.Bucket.fromBucketName(stack, 'Raw', 'autocorp-dev-raw-111111111111-us-east-1'),
  });
  return Template.fromStack(stack);
}

describe('DataSync CSV sources', () => {
  it('reads an SMB share with its password from an existing secret through a role limited to that secret', () => {
    const t = transferFrom({
      kind: 'smb',
      serverHostname: 'files.autocorp.internal',
      subdirectory: '/exports',
      user: 'datasync',
      domain: 'AUTOCORP',
      passwordSecretArn: SECRET,
      agentArns: [AGENT],
    });
    t.hasResourceProperties('AWS::DataSync::LocationSMB', {
      User: 'datasync',
      Domain: 'AUTOCORP',
      AgentArns: [AGENT],
      CustomSecretConfig: {
        SecretArn: SECRET,
        SecretAccessRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CsvTransferSourceSecretRole'), 'Arn'] },
      },
    });
    const policies = Object.values(t.findResources('AWS::IAM::Policy')).map((p) =>
      JSON.stringify(p.Properties.PolicyDocument),
    );
    expect(policies.some((doc) => doc.includes('secretsmanager:GetSecretValue') && doc.includes(SECRET))).toBe(true);
    t.resourceCountIs('AWS::DataSync::Task', 1);
  });

  it('reads an object-storage bucket over HTTPS with its secret key from an existing secret', () => {
    const t = transferFrom({
      kind: 'object-storage',
      serverHostname: 'minio.autocorp.internal',
      serverPort: 9000,
      bucketName: 'exports',
      subdirectory: '/csv',
      accessKey: 'datasync',
      secretKeySecretArn: SECRET,
      agentArns: [AGENT],
    });
    t.hasResourceProperties('AWS::DataSync::LocationObjectStorage', {
      ServerProtocol: 'HTTPS',
      ServerPort: 9000,
      BucketName: 'exports',
      AccessKey: 'datasync',
      CustomSecretConfig: { SecretArn: SECRET, SecretAccessRoleArn: Match.anyValue() },
    });
  });
});
