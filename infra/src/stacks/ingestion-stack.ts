import { Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { CsvTransfer } from '../constructs/csv-transfer';
import { DmsReplication } from '../constructs/dms-replication';
import { DmsServiceRoles } from '../constructs/dms-service-roles';
import { lakeBucketRefs } from '../constructs/lake-bucket-refs';
import { LakehouseNetwork, networkAvailabilityZones } from '../constructs/lakehouse-network';
import type { LakehouseStackProps } from './lakehouse-stack-props';

export interface IngestionStackProps extends LakehouseStackProps {
  readonly key: kms.IKey;
  readonly sourceSecret: secretsmanager.ISecret;
  /** The source tables DMS replicates (SOURCE_TABLES of @autocorp/schema). */
  readonly sourceTables: readonly string[];
}

/** Getting data into the raw zone: the network, DMS (PostgreSQL full load + CDC), DataSync (CSV exports), secret rotation. */
export class IngestionStack extends Stack {
  readonly network: LakehouseNetwork;
  readonly replication: DmsReplication;
  readonly csvTransfer: CsvTransfer;
  private readonly zones: string[];

  /** The configured zones: without this override the VPC would look the region's zones up at synth time. */
  override get availabilityZones(): string[] {
    return this.zones;
  }

  constructor(scope: Construct, id: string, props: IngestionStackProps) {
    super(scope, id, props);
    const { config, key } = props;
    this.zones = networkAvailabilityZones(config);
    const { raw } = lakeBucketRefs(this, config);
    this.network = new LakehouseNetwork(this, 'Network', { config, key });
    const serviceRoles = config.createDmsServiceRoles ? new DmsServiceRoles(this, 'DmsServiceRoles') : undefined;
    this.replication = new DmsReplication(this, 'Dms', {
      config,
      network: this.network,
      secret: props.sourceSecret,
      key,
      rawBucket: raw,
      tables: props.sourceTables,
      ...(serviceRoles !== undefined ? { serviceRoles } : {}),
    });
    this.csvTransfer = new CsvTransfer(this, 'CsvTransfer', { config, key, rawBucket: raw });

    if (config.secretRotation.enabled) {
      const rotationSecurityGroup = new ec2.SecurityGroup(this, 'RotationSecurityGroup', {
        vpc: this.network.vpc,
        description: 'Secret rotation function: out to the source PostgreSQL port and HTTPS (Secrets Manager) only',
        allowAllOutbound: false,
      });
      rotationSecurityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(config.source.port), 'Source PostgreSQL');
      rotationSecurityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'Secrets Manager endpoint');
      new secretsmanager.RotationSchedule(this, 'SourceSecretRotation', {
        secret: props.sourceSecret,
        automaticallyAfter: Duration.days(config.secretRotation.afterDays),
        hostedRotation: secretsmanager.HostedRotation.postgreSqlSingleUser({
          functionName: `autocorp-${config.name}-source-secret-rotation`,
          vpc: this.network.vpc,
          vpcSubnets: this.network.subnets,
          securityGroups: [rotationSecurityGroup],
        }),
      });
    }
  }
}
