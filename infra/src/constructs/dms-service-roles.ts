import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../nag/acknowledge';

/**
 * The two account-wide roles DMS expects by exact name before a replication subnet group or task logging can
 * exist. Only one stack per account may create them (EnvironmentConfig.createDmsServiceRoles).
 */
export class DmsServiceRoles extends Construct {
  readonly vpcRole: iam.Role;
  readonly cloudWatchLogsRole: iam.Role;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const dms = new iam.ServicePrincipal('dms.amazonaws.com');
    this.vpcRole = new iam.Role(this, 'VpcRole', {
      roleName: 'dms-vpc-role',
      assumedBy: dms,
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonDMSVPCManagementRole')],
    });
    this.cloudWatchLogsRole = new iam.Role(this, 'CloudWatchLogsRole', {
      roleName: 'dms-cloudwatch-logs-role',
      assumedBy: dms,
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonDMSCloudWatchLogsRole')],
    });
    const reason =
      'AWS DMS looks up this role by its exact name and documents this exact AWS managed policy for it; DMS maintains the policy as its needs change.';
    acknowledge(
      this.vpcRole,
      reason,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonDMSVPCManagementRole]',
    );
    acknowledge(
      this.cloudWatchLogsRole,
      reason,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonDMSCloudWatchLogsRole]',
    );
  }
}
