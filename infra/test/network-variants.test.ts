import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unexplainedWildcards } from './least-privilege';
import { replicationRouteProblems } from './support/deployability';
import { policyStatements } from './support/policy-statements';
import {
  type SynthesizedEnvironment,
  removeOverrideFile,
  synthesizeEnvironment,
  writeOverrideFile,
} from './support/synthesize';

/** dev with a created VPC that reaches the source through an existing transit gateway instead of NAT. */
const TRANSIT_GATEWAY = { id: 'tgw-0123456789abcdef0', sourceCidrs: ['10.20.0.0/16', '192.168.8.0/24'] };
let dev: SynthesizedEnvironment;
beforeAll(() => {
  const configFile = writeOverrideFile({ dev: { network: { natGateways: 0, transitGateway: TRANSIT_GATEWAY } } });
  try {
    dev = synthesizeEnvironment('dev', { configFile });
  } finally {
    removeOverrideFile(configFile);
  }
});
afterAll(() => dev.cleanup());

describe('dev with a transit gateway route to the source', () => {
  it('attaches the replication subnets to the transit gateway and routes the source CIDR blocks through it, without NAT', () => {
    const t = dev.templates.ingestion;
    t.resourceCountIs('AWS::EC2::NatGateway', 0);
    const attachments = Object.values(t.findResources('AWS::EC2::TransitGatewayAttachment'));
    expect(attachments).toHaveLength(1);
    const subnetGroup = Object.values(t.findResources('AWS::DMS::ReplicationSubnetGroup'))[0];
    expect(attachments[0]?.Properties).toMatchObject({
      TransitGatewayId: TRANSIT_GATEWAY.id,
      SubnetIds: subnetGroup?.Properties.SubnetIds,
    });
    expect(replicationRouteProblems(dev.json.ingestion, TRANSIT_GATEWAY.sourceCidrs)).toEqual([]);
    // Without the routes to the source the same subnets have none: the check reads the routes, not the attachment.
    expect(replicationRouteProblems(dev.json.ingestion, ['172.16.0.0/12'])).not.toEqual([]);
    for (const route of Object.values(t.findResources('AWS::EC2::Route')).filter(
      (r) => r.Properties.TransitGatewayId !== undefined,
    )) {
      expect(route.DependsOn, 'a route through the gateway waits for the attachment').toEqual(
        expect.arrayContaining([expect.stringMatching(/TransitGatewayAttachment/)]),
      );
    }
  });

  it('still passes cdk-nag and the least-privilege walk', () => {
    expect(
      dev.nagViolations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`),
    ).toEqual([]);
    expect(unexplainedWildcards(policyStatements(dev))).toEqual([]);
  });
});
