import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { acknowledge } from '../nag/acknowledge';
import { removalPolicyOf } from './removal';

/** The network's availability zones from configuration: fixed names, so nothing is looked up at synth time. */
export function networkAvailabilityZones(config: EnvironmentConfig): string[] {
  const network = config.network;
  if (network.mode === 'existing') return [...network.availabilityZones];
  return ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, network.maxAzs).map((zone) => `${config.region}${zone}`);
}

/**
 * The VPC DMS (and the secret rotation function) run in: created with private subnets routed to the source
 * (through NAT gateways and/or a transit gateway attachment), flow logs, an S3 gateway endpoint and a Secrets
 * Manager interface endpoint, or taken by id from configuration.
 * Never looked up at synth time.
 */
export class LakehouseNetwork extends Construct {
  readonly vpc: ec2.IVpc;
  /** The private subnets replication runs in. */
  readonly subnetIds: string[];
  readonly subnets: ec2.SubnetSelection;

  constructor(scope: Construct, id: string, props: { readonly config: EnvironmentConfig; readonly key: kms.IKey }) {
    super(scope, id);
    const { config } = props;
    const network = config.network;
    if (network.mode === 'existing') {
      this.vpc = ec2.Vpc.fromVpcAttributes(this, 'Vpc', {
        vpcId: network.vpcId,
        availabilityZones: [...network.availabilityZones],
        privateSubnetIds: [...network.subnetIds],
      });
      this.subnetIds = [...network.subnetIds];
      this.subnets = { subnets: this.vpc.privateSubnets };
      return;
    }
    const privateType = network.natGateways > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED;
    const flowLogs = new logs.LogGroup(this, 'FlowLogs', {
      retention: config.retention.logRetentionDays as logs.RetentionDays,
      encryptionKey: props.key,
      removalPolicy: removalPolicyOf(config),
    });
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(network.cidr),
      availabilityZones: networkAvailabilityZones(config),
      natGateways: network.natGateways,
      subnetConfiguration: [
        ...(network.natGateways > 0 ? [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 }] : []),
        { name: 'replication', subnetType: privateType, cidrMask: 24 },
      ],
      flowLogs: {
        all: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs),
          trafficType: ec2.FlowLogTrafficType.ALL,
        },
      },
    });
    acknowledge(
      vpc,
      'Zones come from configuration on purpose: synth must not look them up in the account (no AWS calls at synth time).',
      'CloudFormation-Validate::W3010',
    );
    this.subnets = { subnetType: privateType };
    // DMS writes the raw zone through S3 and reads the source credentials from Secrets Manager without leaving the VPC.
    vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3, subnets: [this.subnets] });
    const secretsManager = vpc.addInterfaceEndpoint('SecretsManagerEndpoint', {
      service: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      subnets: this.subnets,
      privateDnsEnabled: true,
    });
    acknowledge(
      secretsManager,
      "The endpoint accepts HTTPS only from the VPC's own CIDR block; cdk-nag cannot resolve that Fn::GetAtt and reads it as open.",
      'AwsSolutions-EC23',
    );
    this.vpc = vpc;
    this.subnetIds = vpc.selectSubnets(this.subnets).subnetIds;
    if (network.transitGateway !== undefined) this.routeThroughTransitGateway(vpc, network.transitGateway);
  }

  /** Attaches the private subnets to the transit gateway and routes the source's CIDR blocks through it. */
  private routeThroughTransitGateway(
    vpc: ec2.Vpc,
    tgw: { readonly id: string; readonly sourceCidrs: readonly string[] },
  ): void {
    const attachment = new ec2.CfnTransitGatewayAttachment(this, 'TransitGatewayAttachment', {
      transitGatewayId: tgw.id,
      vpcId: vpc.vpcId,
      subnetIds: this.subnetIds,
    });
    vpc.selectSubnets(this.subnets).subnets.forEach((subnet, i) => {
      tgw.sourceCidrs.forEach((cidr, j) => {
        const route = new ec2.CfnRoute(this, `SourceRoute${i}x${j}`, {
          routeTableId: subnet.routeTable.routeTableId,
          destinationCidrBlock: cidr,
          transitGatewayId: tgw.id,
        });
        route.addDependency(attachment);
      });
    });
  }
}
