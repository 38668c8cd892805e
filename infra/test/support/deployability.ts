import { PluginNameValue } from '@aws-sdk/client-database-migration-service';
import type { SynthesizedEnvironment } from './synthesize';

/**
 * Checks of a synthesized environment against what the AWS APIs accept at deploy and run time, which neither synth
 * nor cdk-nag sees. Each returns the problems it finds (empty when the environment would deploy and run).
 */

type Template = SynthesizedEnvironment['json'][keyof SynthesizedEnvironment['json']];
type Resource = Template['Resources'][string];

const resourcesOf = (template: Template, type: string): [string, Resource][] =>
  Object.entries(template.Resources).filter(([, r]) => r.Type === type);
const refOf = (value: unknown): string | undefined => (value as { Ref?: string } | null)?.Ref;

/**
 * DMS PostgreSQL source endpoints: PluginName must be a value of the DMS API (PostgreSQLSettings.PluginName, from the
 * SDK's own enum), and a SlotName needs a slot made beforehand plus a CdcStartPosition on the task, which DMS
 * Serverless (ReplicationConfig) does not take.
 */
export function dmsSourceEndpointProblems(template: Template): string[] {
  const problems: string[] = [];
  const plugins: readonly string[] = Object.values(PluginNameValue);
  const tasks = resourcesOf(template, 'AWS::DMS::ReplicationTask');
  const serverless = resourcesOf(template, 'AWS::DMS::ReplicationConfig');
  for (const [id, endpoint] of resourcesOf(template, 'AWS::DMS::Endpoint')) {
    if (endpoint.Properties?.EngineName !== 'postgres') continue;
    const settings = (endpoint.Properties.PostgreSqlSettings ?? {}) as Record<string, unknown>;
    const plugin = settings.PluginName;
    if (plugin !== undefined && !plugins.includes(String(plugin)))
      problems.push(`${id}: PluginName ${JSON.stringify(plugin)} is not one of ${plugins.join(', ')}`);
    if (settings.SlotName === undefined) continue;
    if (serverless.length > 0)
      problems.push(
        `${id}: SlotName ${JSON.stringify(settings.SlotName)} with DMS Serverless, which takes no CDC start position`,
      );
    for (const [taskId, task] of tasks) {
      if (task.Properties?.CdcStartPosition === undefined)
        problems.push(
          `${id}: SlotName ${JSON.stringify(settings.SlotName)} but task ${taskId} has no CdcStartPosition`,
        );
    }
  }
  return problems;
}

/**
 * The subnets DMS replicates from must have a route out of the VPC to the source database, which is outside it:
 * the default route (0.0.0.0/0, NAT) or a route to each of the source's CIDR blocks. Existing networks (subnet ids,
 * no subnet resources here) are the operator's routing.
 */
export function replicationRouteProblems(template: Template, sourceCidrs: readonly string[] = []): string[] {
  const subnetIds = resourcesOf(template, 'AWS::DMS::ReplicationSubnetGroup').flatMap(
    ([, group]) => (group.Properties?.SubnetIds as unknown[]) ?? [],
  );
  const routeTableOf = new Map(
    resourcesOf(template, 'AWS::EC2::SubnetRouteTableAssociation').map(([, association]) => [
      refOf(association.Properties?.SubnetId),
      refOf(association.Properties?.RouteTableId),
    ]),
  );
  const routes = resourcesOf(template, 'AWS::EC2::Route').map(([, route]) => ({
    table: refOf(route.Properties?.RouteTableId),
    destination: route.Properties?.DestinationCidrBlock,
  }));
  const routed = (table: string, destination: string) =>
    routes.some((r) => r.table === table && r.destination === destination);
  const problems: string[] = [];
  for (const subnet of subnetIds) {
    const logicalId = refOf(subnet);
    if (logicalId === undefined) continue;
    const table = routeTableOf.get(logicalId);
    if (table === undefined) problems.push(`replication subnet ${logicalId} has no route table`);
    else if (
      !routed(table, '0.0.0.0/0') &&
      (sourceCidrs.length === 0 || !sourceCidrs.every((cidr) => routed(table, cidr)))
    ) {
      problems.push(`replication subnet ${logicalId} has no route out of the VPC to the source (route table ${table})`);
    }
  }
  return problems;
}

/** Lifecycle rules of the raw bucket that move objects under `path` out of S3 Standard. */
export function transitionsCovering(template: Template, bucketLogicalId: string, path: string): string[] {
  const rules = (
    (
      template.Resources[bucketLogicalId]?.Properties?.LifecycleConfiguration as
        { Rules?: Record<string, unknown>[] } | undefined
    )?.Rules ?? []
  ).filter((rule) => rule.Status === 'Enabled' && (Array.isArray(rule.Transitions) || rule.Transition !== undefined));
  return rules
    .filter((rule) => {
      const prefix = String(rule.Prefix ?? (rule.Filter as { Prefix?: string } | undefined)?.Prefix ?? '');
      return path.startsWith(prefix);
    })
    .map((rule) => `${String(rule.Id)} moves ${path} to ${JSON.stringify(rule.Transitions ?? rule.Transition)}`);
}

/** Fn::Join / Ref of pseudo parameters resolved for one account and region; other tokens stay unresolved ("<token>"). */
function resolveArn(value: unknown, env: { readonly account: string; readonly region: string }): string {
  if (typeof value === 'string') return value;
  const ref = refOf(value);
  if (ref === 'AWS::Partition') return 'aws';
  if (ref === 'AWS::Region') return env.region;
  if (ref === 'AWS::AccountId') return env.account;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] } | null)?.['Fn::Join'];
  if (join !== undefined) return join[1].map((part) => resolveArn(part, env)).join(join[0]);
  return '<token>';
}

const wildcard = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

/**
 * Whether the identity policies attached to a role allow `action` on `resource` (Allow statements only; the lakehouse
 * writes no Deny into identity policies). Matches IAM's wildcard rules for actions and resources.
 */
export function roleAllows(
  template: Template,
  roleLogicalId: string,
  action: string,
  resource: string,
  env: { readonly account: string; readonly region: string },
): boolean {
  const statements = resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([, policy]) =>
      ((policy.Properties?.Roles as unknown[]) ?? []).some((role) => refOf(role) === roleLogicalId),
    )
    .flatMap(
      ([, policy]) => (policy.Properties?.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement ?? [],
    );
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
  return statements.some(
    (statement) =>
      statement.Effect === 'Allow' &&
      statement.Condition === undefined &&
      list(statement.Action).some((a) => wildcard(String(a)).test(action)) &&
      list(statement.Resource).some((r) => wildcard(resolveArn(r, env)).test(resource)),
  );
}

/** The logical id of the role the Glue jobs run as (the one role every AWS::Glue::Job names). */
export function glueJobRoleId(template: Template): string {
  const roles = new Set(
    resourcesOf(template, 'AWS::Glue::Job').map(
      ([, job]) => (job.Properties?.Role as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt']?.[0],
    ),
  );
  if (roles.size !== 1) throw new Error(`expected one Glue job role, found ${[...roles].join(', ')}`);
  return [...roles][0] as string;
}
