import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unexplainedWildcards } from './least-privilege';
import { policyStatements } from './support/policy-statements';
import {
  type SynthesizedEnvironment,
  removeOverrideFile,
  synthesizeEnvironment,
  writeOverrideFile,
} from './support/synthesize';

const AGENT = 'arn:aws:datasync:us-east-1:222222222222:agent/agent-0123456789abcdef0';

/** staging with an existing VPC taken by id, an NFS export for the CSV files, no DMS service roles, an alarm e-mail. */
let staging: SynthesizedEnvironment;
beforeAll(() => {
  const configFile = writeOverrideFile({
    staging: {
      createDmsServiceRoles: false,
      network: {
        mode: 'existing',
        vpcId: 'vpc-0123456789abcdef0',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        subnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
      },
      csvTransfer: {
        source: {
          kind: 'nfs',
          serverHostname: 'files.autocorp.internal',
          subdirectory: '/exports/csv',
          agentArns: [AGENT],
        },
      },
      monitoring: { alarmEmail: 'data-team@autocorp.example' },
    },
  });
  try {
    staging = synthesizeEnvironment('staging', { configFile });
  } finally {
    removeOverrideFile(configFile);
  }
});
afterAll(() => staging.cleanup());

describe('staging with an existing network and a configured CSV source', () => {
  it('uses the configured VPC and subnets without creating or looking up a network', () => {
    const t = staging.templates.ingestion;
    t.resourceCountIs('AWS::EC2::VPC', 0);
    t.resourceCountIs('AWS::EC2::Subnet', 0);
    t.hasResourceProperties('AWS::DMS::ReplicationSubnetGroup', {
      SubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', { VpcId: 'vpc-0123456789abcdef0' });
    expect(staging.assembly.manifest.missing ?? []).toEqual([]);
  });

  it('leaves the account-wide DMS roles to the environment that owns them', () => {
    const roles = Object.values(staging.templates.ingestion.findResources('AWS::IAM::Role')).map(
      (role) => role.Properties.RoleName,
    );
    expect(roles).not.toContain('dms-vpc-role');
    expect(roles).not.toContain('dms-cloudwatch-logs-role');
  });

  it('transfers the CSV exports from the NFS share to raw/csv/ on a schedule, with task logs', () => {
    const t = staging.templates.ingestion;
    t.hasResourceProperties('AWS::DataSync::LocationNFS', {
      ServerHostname: 'files.autocorp.internal',
      Subdirectory: '/exports/csv',
      OnPremConfig: { AgentArns: [AGENT] },
    });
    t.hasResourceProperties('AWS::DataSync::Task', {
      Name: 'autocorp-staging-csv-transfer',
      Schedule: { ScheduleExpression: 'cron(0 1 * * ? *)' },
      Options: Match.objectLike({ VerifyMode: 'ONLY_FILES_TRANSFERRED', TransferMode: 'CHANGED' }),
      CloudWatchLogGroupArn: Match.anyValue(),
    });
    const logPolicies = Object.values(t.findResources('AWS::Logs::ResourcePolicy'));
    expect(logPolicies).toHaveLength(1);
    expect(JSON.stringify(logPolicies[0])).toContain('datasync.amazonaws.com');
  });

  it('subscribes the alarm e-mail to the topic and the budget', () => {
    staging.templates.monitoring.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'data-team@autocorp.example',
    });
    staging.templates.monitoring.hasResourceProperties('AWS::Budgets::Budget', {
      NotificationsWithSubscribers: Match.arrayWith([
        Match.objectLike({
          Subscribers: Match.arrayWith([{ SubscriptionType: 'EMAIL', Address: 'data-team@autocorp.example' }]),
        }),
      ]),
    });
  });

  it('still passes cdk-nag and the least-privilege walk', () => {
    expect(
      staging.nagViolations.map(
        (v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      ),
    ).toEqual([]);
    expect(unexplainedWildcards(policyStatements(staging))).toEqual([]);
  });
});
