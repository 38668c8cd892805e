import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { unexplainedWildcards } from './least-privilege';
import { dmsSourceEndpointProblems, replicationRouteProblems } from './support/deployability';
import { policyStatements } from './support/policy-statements';
import { type SynthesizedEnvironment, synthesizeEnvironment } from './support/synthesize';

let prod: SynthesizedEnvironment;
beforeAll(() => {
  prod = synthesizeEnvironment('prod');
});
afterAll(() => prod.cleanup());

describe('prod environment', () => {
  it('protects the stateful stack from deletion and retains its resources', () => {
    expect(prod.stacks.data.terminationProtection).toBe(true);
    expect(prod.stacks.etl.terminationProtection).toBe(false);
    for (const id of [
      'LakeKey',
      'RawBucket',
      'ProcessedBucket',
      'CuratedBucket',
      'AthenaResultsBucket',
      'AccessLogsBucket',
      'SourceDatabaseSecret',
      'CatalogDatabase',
      'KnowledgeVectorBucket',
      'KnowledgeVectorIndex',
    ]) {
      const resource = prod.json.data.Resources[id] as Record<string, unknown>;
      expect(resource.DeletionPolicy, id).toBe('Retain');
      expect(resource.UpdateReplacePolicy, id).toBe('Retain');
    }
    prod.templates.data.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('runs DMS Serverless with capacity from configuration, full load + CDC, multi-AZ', () => {
    const t = prod.templates.ingestion;
    t.resourceCountIs('AWS::DMS::ReplicationInstance', 0);
    t.resourceCountIs('AWS::DMS::ReplicationTask', 0);
    t.hasResourceProperties('AWS::DMS::ReplicationConfig', {
      ReplicationConfigIdentifier: 'autocorp-prod-postgres-to-raw',
      ReplicationType: 'full-load-and-cdc',
      ComputeConfig: Match.objectLike({ MinCapacityUnits: 2, MaxCapacityUnits: 16, MultiAZ: true }),
      TableMappings: Match.objectLike({
        rules: Match.arrayWith([Match.objectLike({ 'rule-action': 'add-prefix', value: 'pg_' })]),
      }),
    });
    // Serverless takes no CDC start position, so the endpoint must not name a slot DMS did not create.
    expect(dmsSourceEndpointProblems(prod.json.ingestion)).toEqual([]);
    expect(replicationRouteProblems(prod.json.ingestion)).toEqual([]);
  });

  it('rotates the source secret every 30 days inside the replication VPC', () => {
    prod.templates.ingestion.hasResourceProperties('AWS::SecretsManager::RotationSchedule', {
      RotationRules: { ScheduleExpression: 'rate(30 days)' },
      HostedRotationLambda: Match.objectLike({
        RotationType: 'PostgreSQLSingleUser',
        VpcSubnetIds: Match.anyValue(),
        VpcSecurityGroupIds: Match.anyValue(),
      }),
    });
  });

  it('schedules the workflow and sizes jobs for prod', () => {
    prod.templates.etl.hasResourceProperties('AWS::Glue::Trigger', {
      Name: 'autocorp-prod-lakehouse-start',
      Type: 'SCHEDULED',
      Schedule: 'cron(0 3 * * ? *)',
      StartOnCreation: true,
    });
    prod.templates.etl.allResourcesProperties('AWS::Glue::Job', {
      WorkerType: 'G.2X',
      NumberOfWorkers: 10,
      Timeout: 180,
    });
  });

  it('retains knowledge-base vectors when the data source is deleted', () => {
    prod.templates.ai.hasResourceProperties('AWS::Bedrock::DataSource', { DataDeletionPolicy: 'RETAIN' });
  });

  it('graphs the serverless replication latency with a metric search', () => {
    const body = JSON.stringify(
      Object.values(prod.templates.monitoring.findResources('AWS::CloudWatch::Dashboard'))[0]?.Properties.DashboardBody,
    );
    expect(body).toContain('CDCLatencySource');
    expect(body).toContain('autocorp-prod-postgres-to-raw');
    prod.templates.monitoring.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: Match.objectLike({ BudgetLimit: { Amount: 3000, Unit: 'USD' } }),
    });
  });

  it('passes cdk-nag and the least-privilege walk', () => {
    expect(
      prod.nagViolations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`),
    ).toEqual([]);
    expect(unexplainedWildcards(policyStatements(prod))).toEqual([]);
  });

  it('synthesizes deterministically: a second synth writes identical templates and assets', () => {
    const again = synthesizeEnvironment('prod');
    onTestFinished(() => again.cleanup());
    const files = (dir: string) =>
      readdirSync(dir)
        .filter((file) => file.endsWith('.template.json') || file.startsWith('asset.'))
        .sort();
    expect(files(again.outdir)).toEqual(files(prod.outdir));
    for (const file of files(prod.outdir).filter((f) => f.endsWith('.json'))) {
      expect(readFileSync(path.join(again.outdir, file), 'utf8'), file).toBe(
        readFileSync(path.join(prod.outdir, file), 'utf8'),
      );
    }
  });
});
