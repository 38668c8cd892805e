import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { manifestKey } from '@autocorp/assistant/publish-location';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_STACKS, STACK_IDS } from '../src/app/stack-ids';
import { rawPrefixesByRead } from '../src/inputs/shared-definitions';
import { unexplainedWildcards } from './least-privilege';
import {
  dmsSourceEndpointProblems,
  glueJobRoleId,
  replicationRouteProblems,
  roleAllows,
  transitionsCovering,
} from './support/deployability';
import { policyStatements } from './support/policy-statements';
import { type SynthesizedEnvironment, synthesizeEnvironment } from './support/synthesize';

let dev: SynthesizedEnvironment;
beforeAll(() => {
  dev = synthesizeEnvironment('dev');
});
afterAll(() => dev.cleanup());

describe('dev: data stack (stateful)', () => {
  it('pins the logical ids of every stateful resource', () => {
    const expected: Record<string, string> = {
      LakeKey: 'AWS::KMS::Key',
      RawBucket: 'AWS::S3::Bucket',
      ProcessedBucket: 'AWS::S3::Bucket',
      CuratedBucket: 'AWS::S3::Bucket',
      AthenaResultsBucket: 'AWS::S3::Bucket',
      AccessLogsBucket: 'AWS::S3::Bucket',
      SourceDatabaseSecret: 'AWS::SecretsManager::Secret',
      CatalogDatabase: 'AWS::Glue::Database',
      KnowledgeVectorBucket: 'AWS::S3Vectors::VectorBucket',
      KnowledgeVectorIndex: 'AWS::S3Vectors::Index',
    };
    const resources = dev.json.data.Resources;
    for (const [logicalId, type] of Object.entries(expected)) expect(resources[logicalId]?.Type, logicalId).toBe(type);
  });

  it('encrypts the lake buckets with the lake key and the access-log bucket with S3-managed keys', () => {
    const t = dev.templates.data;
    for (const id of ['RawBucket', 'ProcessedBucket', 'CuratedBucket', 'AthenaResultsBucket']) {
      expect(dev.json.data.Resources[id]?.Properties?.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': ['LakeKey', 'Arn'] },
            },
          },
        ],
      });
    }
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'autocorp-dev-access-logs-111111111111-us-east-1',
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    t.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('blocks public access, logs access and denies plain HTTP on every bucket', () => {
    const t = dev.templates.data;
    const buckets = t.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(5);
    for (const [id, bucket] of Object.entries(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      if (id !== 'AccessLogsBucket')
        expect(bucket.Properties.LoggingConfiguration?.DestinationBucketName, id).toEqual({ Ref: 'AccessLogsBucket' });
    }
    const policies = Object.values(t.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(5);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      );
    }
  });

  it('ages only the raw prefixes jobs read once into Standard-IA (30 days) and Glacier (90); prefixes reread in full stay in Standard', () => {
    const props = (id: string) => dev.json.data.Resources[id]?.Properties as Record<string, unknown>;
    const { readInFull, readOnce } = rawPrefixesByRead();
    // sales_order_parts / sales_order_services read every file of their history sources on each run.
    expect(readInFull.length).toBeGreaterThan(0);
    for (const prefix of readInFull)
      expect(transitionsCovering(dev.json.data, 'RawBucket', `${prefix}LOAD00000001.parquet`), prefix).toEqual([]);
    for (const prefix of readOnce) {
      expect(props('RawBucket').LifecycleConfiguration).toEqual({
        Rules: expect.arrayContaining([
          expect.objectContaining({
            Status: 'Enabled',
            Prefix: prefix,
            Transitions: [
              { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
              { StorageClass: 'GLACIER', TransitionInDays: 90 },
            ],
          }),
        ]),
      });
    }
    expect(props('AthenaResultsBucket').LifecycleConfiguration).toEqual({
      Rules: expect.arrayContaining([expect.objectContaining({ ExpirationInDays: 7 })]),
    });
    expect(props('CuratedBucket').VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(props('ProcessedBucket').VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(props('RawBucket').VersioningConfiguration).toBeUndefined();
  });

  it('removes dev data on teardown: DESTROY with auto-delete, no termination protection', () => {
    expect(dev.stacks.data.terminationProtection).toBe(false);
    for (const id of [
      'RawBucket',
      'CuratedBucket',
      'SourceDatabaseSecret',
      'CatalogDatabase',
      'KnowledgeVectorIndex',
    ]) {
      expect((dev.json.data.Resources[id] as Record<string, unknown>).DeletionPolicy, id).toBe('Delete');
    }
    dev.templates.data.resourceCountIs('Custom::S3AutoDeleteObjects', 5);
  });

  it('keeps the source credentials in Secrets Manager in the shape DMS reads, encrypted with the lake key', () => {
    dev.templates.data.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'autocorp/dev/source-postgres',
      KmsKeyId: { 'Fn::GetAtt': ['LakeKey', 'Arn'] },
      GenerateSecretString: Match.objectLike({
        GenerateStringKey: 'password',
        SecretStringTemplate: Match.stringLikeRegexp('"engine":"postgres".*"dbname":"autocorp"'),
      }),
    });
  });

  it('creates the S3 Vectors index for Titan Text Embeddings V2 (1024 dimensions, cosine)', () => {
    dev.templates.data.hasResourceProperties('AWS::S3Vectors::Index', {
      Dimension: 1024,
      DistanceMetric: 'cosine',
      DataType: 'float32',
      MetadataConfiguration: { NonFilterableMetadataKeys: ['AMAZON_BEDROCK_TEXT', 'AMAZON_BEDROCK_METADATA'] },
    });
  });
});

describe('dev: ingestion stack', () => {
  it('creates a VPC with private subnets in fixed zones routed out through NAT, flow logs and the S3 and Secrets Manager endpoints', () => {
    const t = dev.templates.ingestion;
    t.resourceCountIs('AWS::EC2::Subnet', 4);
    t.hasResourceProperties('AWS::EC2::Subnet', { AvailabilityZone: 'us-east-1a', MapPublicIpOnLaunch: false });
    t.resourceCountIs('AWS::EC2::NatGateway', 1);
    // The source database is outside the VPC: the replication subnets route out through the NAT gateway.
    expect(replicationRouteProblems(dev.json.ingestion)).toEqual([]);
    t.resourceCountIs('AWS::EC2::FlowLog', 1);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway' });
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Interface', PrivateDnsEnabled: true });
  });

  it('creates the account-wide DMS service roles only because dev is configured to', () => {
    const t = dev.templates.ingestion;
    t.hasResourceProperties('AWS::IAM::Role', { RoleName: 'dms-vpc-role' });
    t.hasResourceProperties('AWS::IAM::Role', { RoleName: 'dms-cloudwatch-logs-role' });
    const subnetGroup = Object.values(t.findResources('AWS::DMS::ReplicationSubnetGroup'))[0] as {
      DependsOn?: string[];
    };
    expect(subnetGroup.DependsOn?.some((id) => id.startsWith('DmsServiceRolesVpcRole'))).toBe(true);
  });

  it('reads the source through the secret with a plugin name the DMS API accepts, in a slot DMS creates itself', () => {
    dev.templates.ingestion.hasResourceProperties('AWS::DMS::Endpoint', {
      EndpointType: 'source',
      EngineName: 'postgres',
      SslMode: 'require',
      PostgreSqlSettings: Match.objectLike({
        PluginName: 'no-preference',
        SecretsManagerSecretId: Match.anyValue(),
        SecretsManagerAccessRoleArn: Match.anyValue(),
      }),
    });
    expect(dmsSourceEndpointProblems(dev.json.ingestion)).toEqual([]);
  });

  it('writes Parquet with Op on full-load rows and the commit timestamp column, under raw/', () => {
    dev.templates.ingestion.hasResourceProperties('AWS::DMS::Endpoint', {
      EndpointType: 'target',
      EngineName: 's3',
      S3Settings: Match.objectLike({
        BucketName: 'autocorp-dev-raw-111111111111-us-east-1',
        BucketFolder: 'raw',
        DataFormat: 'parquet',
        IncludeOpForFullLoad: true,
        TimestampColumnName: '_cdc_commit_ts',
        CdcInsertsAndUpdates: false,
        EncryptionMode: 'SSE_KMS',
      }),
    });
  });

  it('runs a full-load-and-CDC task on a private replication instance sized by configuration', () => {
    const t = dev.templates.ingestion;
    t.hasResourceProperties('AWS::DMS::ReplicationInstance', {
      ReplicationInstanceClass: 'dms.t3.micro',
      AllocatedStorage: 20,
      MultiAZ: false,
      PubliclyAccessible: false,
    });
    const task = Object.values(t.findResources('AWS::DMS::ReplicationTask'))[0] as {
      Properties: Record<string, string>;
    };
    expect(task.Properties.MigrationType).toBe('full-load-and-cdc');
    const mapping = JSON.parse(task.Properties.TableMappings as string) as { rules: Record<string, unknown>[] };
    expect(mapping.rules.filter((rule) => rule['rule-type'] === 'selection')).toHaveLength(7);
    t.resourceCountIs('AWS::DMS::ReplicationConfig', 0);
  });

  it('creates the DataSync S3 location for raw/csv/ and no transfer task until a source is configured', () => {
    const t = dev.templates.ingestion;
    t.hasResourceProperties('AWS::DataSync::LocationS3', {
      Subdirectory: '/raw/csv/',
      S3BucketArn: 'arn:aws:s3:::autocorp-dev-raw-111111111111-us-east-1',
    });
    t.resourceCountIs('AWS::DataSync::Task', 0);
    t.resourceCountIs('AWS::SecretsManager::RotationSchedule', 0);
  });
});

describe('dev: ETL stack', () => {
  it('creates the ten Glue 5.0 jobs with bookmarks and metrics (Glue 5.0 logs in real time: no continuous-log flags), sized by configuration', () => {
    const jobs = Object.values(dev.templates.etl.findResources('AWS::Glue::Job'));
    expect(jobs).toHaveLength(10);
    for (const job of jobs) {
      expect(job.Properties).toMatchObject({
        GlueVersion: '5.0',
        WorkerType: 'G.1X',
        NumberOfWorkers: 2,
        Command: { Name: 'glueetl', PythonVersion: '3' },
        SecurityConfiguration: { Ref: expect.stringMatching(/^SecurityConfiguration/) },
      });
      expect(job.Properties.DefaultArguments).toMatchObject({
        '--job-bookmark-option': 'job-bookmark-enable',
        '--enable-metrics': 'true',
        '--enable-glue-datacatalog': 'true',
        '--datalake-formats': 'hudi',
      });
      expect(
        Object.keys(job.Properties.DefaultArguments).filter((name) => name.startsWith('--enable-continuous')),
      ).toEqual([]);
      expect(job.Properties.Command.ScriptLocation).toMatch(
        /^s3:\/\/cdk-hnb659fds-assets-111111111111-us-east-1\/[0-9a-f]{64}\.py$/,
      );
    }
  });

  it('ships each rendered script as an asset in the cloud assembly', () => {
    const scripts = readdirSync(dev.outdir).filter((file) => file.startsWith('asset.') && file.endsWith('.py'));
    expect(scripts).toHaveLength(10);
    expect(readFileSync(path.join(dev.outdir, scripts[0] as string), 'utf8')).toContain('from awsglue');
  });

  it('creates the three crawlers: raw database, raw CSV and curated Hudi targets', () => {
    const t = dev.templates.etl;
    t.hasResourceProperties('AWS::Glue::Crawler', {
      Name: 'autocorp-dev-raw-database',
      Targets: { S3Targets: [{ Path: 's3://autocorp-dev-raw-111111111111-us-east-1/raw/database/' }] },
    });
    t.hasResourceProperties('AWS::Glue::Crawler', {
      Name: 'autocorp-dev-raw-csv',
      TablePrefix: 'csv_',
      Targets: { S3Targets: [{ Path: 's3://autocorp-dev-raw-111111111111-us-east-1/raw/csv/' }] },
    });
    t.hasResourceProperties('AWS::Glue::Crawler', {
      Name: 'autocorp-dev-curated',
      Targets: {
        HudiTargets: [Match.objectLike({ Paths: ['s3://autocorp-dev-curated-111111111111-us-east-1/curated/'] })],
      },
    });
  });

  it('runs the workflow in dependency order and crawls curated last', () => {
    const t = dev.templates.etl;
    const triggers = Object.values(t.findResources('AWS::Glue::Trigger')).map((trigger) => trigger.Properties);
    const start = triggers.find((p) => p.Name === 'autocorp-dev-lakehouse-start');
    expect(start?.Type).toBe('ON_DEMAND');
    const crawl = triggers.find((p) => p.Name === 'autocorp-dev-lakehouse-crawl-curated');
    expect(crawl).toMatchObject({
      Type: 'CONDITIONAL',
      StartOnCreation: true,
      Actions: [{ CrawlerName: { Ref: expect.stringMatching(/^CrawlersCurated/) } }],
    });
    const conditional = triggers.filter((p) => p.Type === 'CONDITIONAL');
    for (const trigger of conditional) {
      expect(trigger.Predicate.Logical).toBe('AND');
      for (const condition of trigger.Predicate.Conditions) expect(condition.State).toBe('SUCCEEDED');
    }
  });

  it("lets the job role read (and create) the catalog's default database, which Glue's Hive client checks when it starts", () => {
    const env = { account: '111111111111', region: 'us-east-1' };
    const role = glueJobRoleId(dev.json.etl);
    expect(
      roleAllows(dev.json.etl, role, 'glue:GetDatabase', 'arn:aws:glue:us-east-1:111111111111:database/default', env),
    ).toBe(true);
    expect(roleAllows(dev.json.etl, role, 'glue:GetDatabase', 'arn:aws:glue:us-east-1:111111111111:catalog', env)).toBe(
      true,
    );
    expect(
      roleAllows(
        dev.json.etl,
        role,
        'glue:CreateDatabase',
        'arn:aws:glue:us-east-1:111111111111:database/default',
        env,
      ),
    ).toBe(true);
    // The check reads the policies: a database the role was never given stays denied.
    expect(
      roleAllows(dev.json.etl, role, 'glue:GetDatabase', 'arn:aws:glue:us-east-1:111111111111:database/other', env),
    ).toBe(false);
  });

  it('encrypts Glue logs and bookmarks with the lake key', () => {
    dev.templates.etl.hasResourceProperties('AWS::Glue::SecurityConfiguration', {
      EncryptionConfiguration: {
        CloudWatchEncryption: Match.objectLike({ CloudWatchEncryptionMode: 'SSE-KMS' }),
        JobBookmarksEncryption: Match.objectLike({ JobBookmarksEncryptionMode: 'CSE-KMS' }),
        S3Encryptions: [Match.objectLike({ S3EncryptionMode: 'SSE-KMS' })],
      },
    });
  });
});

describe('dev: query stack', () => {
  it('enforces engine v3, an encrypted results location and the scan cutoff in the workgroup', () => {
    dev.templates.query.hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: 'autocorp-dev',
      WorkGroupConfiguration: Match.objectLike({
        EnforceWorkGroupConfiguration: true,
        BytesScannedCutoffPerQuery: 1024 ** 3,
        EngineVersion: { SelectedEngineVersion: 'Athena engine version 3' },
        ResultConfiguration: Match.objectLike({
          OutputLocation: 's3://autocorp-dev-athena-results-111111111111-us-east-1/results/',
          EncryptionConfiguration: Match.objectLike({ EncryptionOption: 'SSE_KMS' }),
        }),
      }),
    });
  });

  it('saves the named queries of @autocorp/query against the catalog database', () => {
    const queries = Object.values(dev.templates.query.findResources('AWS::Athena::NamedQuery'));
    expect(queries.length).toBeGreaterThanOrEqual(5);
    for (const query of queries)
      expect(query.Properties).toMatchObject({
        Database: 'autocorp_dev',
        WorkGroup: { Ref: expect.stringMatching(/^Workgroup/) },
      });
  });
});

describe('dev: AI stack', () => {
  it('creates the knowledge base on S3 Vectors with Titan Text Embeddings V2', () => {
    dev.templates.ai.hasResourceProperties('AWS::Bedrock::KnowledgeBase', {
      KnowledgeBaseConfiguration: {
        Type: 'VECTOR',
        VectorKnowledgeBaseConfiguration: Match.objectLike({
          EmbeddingModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0',
        }),
      },
      StorageConfiguration: Match.objectLike({ Type: 'S3_VECTORS' }),
    });
  });

  it('ingests only the knowledge-documents/ prefix of the curated bucket', () => {
    dev.templates.ai.hasResourceProperties('AWS::Bedrock::DataSource', {
      DataSourceConfiguration: {
        Type: 'S3',
        S3Configuration: Match.objectLike({
          BucketArn: 'arn:aws:s3:::autocorp-dev-curated-111111111111-us-east-1',
          InclusionPrefixes: ['knowledge-documents/'],
        }),
      },
    });
  });

  it('grants model access to Nova Pro and Titan Embeddings V2 by region-scoped foundation-model ARN', () => {
    dev.templates.ai.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'InvokeModels',
            Resource: [
              'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0',
              'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0',
            ],
          }),
        ]),
      },
    });
  });

  it('lets the publisher write only the knowledge documents and their manifest, and sync only this knowledge base', () => {
    const publish = policyStatements(dev).filter(
      (s) => s.stack === 'ai' && s.logicalId.startsWith('KnowledgePublishPolicy'),
    );
    const bucket = 'arn:aws:s3:::autocorp-dev-curated-111111111111-us-east-1';
    const byAction = (action: string) => publish.filter((s) => s.actions.includes(action)).flatMap((s) => s.resources);
    for (const action of ['s3:PutObject', 's3:DeleteObject'])
      expect([...byAction(action)].sort()).toEqual(
        [`${bucket}/knowledge-documents/*`, `${bucket}/${manifestKey('knowledge-documents/')}`].sort(),
      );
    expect(publish.find((s) => s.sid === 'ListDocuments')).toMatchObject({ resources: [bucket] });
    for (const action of ['bedrock:StartIngestionJob', 'bedrock:GetIngestionJob'])
      expect(byAction(action)).toEqual([
        { 'Fn::GetAtt': [expect.stringMatching(/^KnowledgeBase/), 'KnowledgeBaseArn'] },
      ]);
    expect(publish.flatMap((s) => s.actions).filter((a) => a.startsWith('bedrock:'))).toHaveLength(2);
    const outputs = Object.keys(dev.templates.ai.findOutputs('*'));
    expect(outputs).toEqual(
      expect.arrayContaining(['KnowledgeBaseId', 'KnowledgeDataSourceId', 'KnowledgeDocumentsUri']),
    );
  });
});

describe('dev: monitoring stack', () => {
  it('alarms on failed Glue jobs, Athena scan volume and DMS, notifying the encrypted SNS topic', () => {
    const t = dev.templates.monitoring;
    const alarms = Object.values(t.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
    const metricOf = (name: string) => {
      const alarm = alarms.find((p) => p.AlarmName === name);
      expect(alarm?.AlarmActions, name).toEqual([{ Ref: expect.stringMatching(/^AlarmsTopic/) }]);
      return alarm?.Metrics?.[0]?.MetricStat?.Metric as {
        Namespace: string;
        MetricName: string;
        Dimensions: { Name: string; Value: unknown }[];
      };
    };
    expect(metricOf('autocorp-dev-glue-job-failed')).toMatchObject({
      Namespace: 'AWS/Events',
      MetricName: 'TriggeredRules',
    });
    expect(metricOf('autocorp-dev-athena-scan-volume')).toMatchObject({
      Namespace: 'AWS/Athena',
      MetricName: 'ProcessedBytes',
      Dimensions: [{ Name: 'WorkGroup', Value: 'autocorp-dev' }],
    });
    expect(alarms.find((p) => p.AlarmName === 'autocorp-dev-athena-scan-volume')?.Threshold).toBe(5 * 1024 ** 3);
    expect(metricOf('autocorp-dev-dms-cdc-latency')).toMatchObject({
      Namespace: 'AWS/DMS',
      MetricName: 'CDCLatencyTarget',
    });
    expect(metricOf('autocorp-dev-dms-replication-failed')).toMatchObject({
      Namespace: 'AWS/Events',
      MetricName: 'TriggeredRules',
    });
    t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    t.hasResourceProperties('AWS::Events::Rule', { EventPattern: Match.objectLike({ source: ['aws.glue'] }) });
  });

  it('budgets the environment by its cost tag and notifies the topic', () => {
    dev.templates.monitoring.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: Match.objectLike({
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        BudgetLimit: { Amount: 300, Unit: 'USD' },
        CostFilters: { TagKeyValue: ['user:autocorp:environment$dev'] },
      }),
      NotificationsWithSubscribers: Match.arrayWith([
        Match.objectLike({ Subscribers: [Match.objectLike({ SubscriptionType: 'SNS' })] }),
      ]),
    });
  });

  it('graphs Glue runs and durations, DMS CDC latency, Athena data scanned and errors', () => {
    const dashboard = Object.values(dev.templates.monitoring.findResources('AWS::CloudWatch::Dashboard'))[0];
    const body = JSON.stringify(dashboard?.Properties.DashboardBody);
    for (const title of ['Glue job duration', 'Glue job runs', 'DMS CDC latency', 'Athena data scanned', 'Errors'])
      expect(body).toContain(title);
    expect(body).toContain('autocorp-dev-etl-sales-order-fact');
  });

  it('stands alone: no reference to another stack, so the dashboard app deploys it by itself', () => {
    expect(JSON.stringify(dev.json.monitoring)).not.toMatch(/Fn::GetStackOutput|Fn::ImportValue/);
    expect(dev.stacks.monitoring.dependencies).toEqual([]);
  });
});

describe('dev: the whole app', () => {
  it('names each stack autocorp-dev-<stack> under the construct ids the deploy targets select', () => {
    expect(dev.assembly.stacks.map((s) => s.stackName).sort()).toEqual(
      Object.keys(STACK_IDS)
        .map((key) => `autocorp-dev-${key}`)
        .sort(),
    );
    expect(dev.assembly.stacks.map((s) => s.hierarchicalId).sort()).toEqual(Object.values(STACK_IDS).sort());
    for (const stack of dev.assembly.stacks)
      expect(stack.environment).toMatchObject({ account: '111111111111', region: 'us-east-1' });
  });

  it("gives each app's deploy target every stack its stacks depend on", () => {
    const byId = new Map(Object.values(dev.stacks).map((stack) => [stack.node.id, stack]));
    for (const [app, ids] of Object.entries(APP_STACKS)) {
      for (const id of ids) {
        const stack = byId.get(id);
        expect(stack, `${app}: ${id}`).toBeDefined();
        for (const dependency of stack?.dependencies ?? [])
          expect(ids as readonly string[], `${app}: ${id} needs ${dependency.node.id}`).toContain(dependency.node.id);
      }
    }
    expect(APP_STACKS.dashboard).toEqual(['Monitoring', 'Data', 'Query', 'Ai', 'Chat', 'Web']);
    expect(APP_STACKS.dashboard).not.toContain('Etl');
    expect(APP_STACKS.chat).not.toContain('Etl');
  });

  it('needs no context lookups (nothing missing from cdk.context.json)', () => {
    expect(dev.assembly.manifest.missing ?? []).toEqual([]);
  });

  it('passes the cdk-nag AwsSolutions checks with zero unacknowledged findings', () => {
    expect(
      dev.nagViolations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`),
    ).toEqual([]);
  });

  it('attaches AWS managed policies only where AWS or the CDK provider requires them', () => {
    const attached = Object.entries(dev.json).flatMap(([stack, template]) =>
      Object.entries(template.Resources).flatMap(([logicalId, resource]) =>
        ((resource.Properties?.ManagedPolicyArns as unknown[] | undefined) ?? []).map(
          (arn) =>
            `${stack}/${logicalId}: ${JSON.stringify(arn).replace(/.*policy\/service-role\/([A-Za-z]+).*/, '$1')}`,
        ),
      ),
    );
    expect(attached.sort()).toEqual([
      expect.stringMatching(
        /^data\/CustomS3AutoDeleteObjectsCustomResourceProviderRole.*: AWSLambdaBasicExecutionRole$/,
      ),
      expect.stringMatching(
        /^ingestion\/CustomVpcRestrictDefaultSGCustomResourceProviderRole.*: AWSLambdaBasicExecutionRole$/,
      ),
      expect.stringMatching(/^ingestion\/DmsServiceRolesCloudWatchLogsRole.*: AmazonDMSCloudWatchLogsRole$/),
      expect.stringMatching(/^ingestion\/DmsServiceRolesVpcRole.*: AmazonDMSVPCManagementRole$/),
      expect.stringMatching(/^web\/CustomCDKBucketDeployment.*ServiceRole.*: AWSLambdaBasicExecutionRole$/),
      expect.stringMatching(
        /^web\/CustomS3AutoDeleteObjectsCustomResourceProviderRole.*: AWSLambdaBasicExecutionRole$/,
      ),
    ]);
  });

  it('grants no Action "*" or Resource "*" outside the reasoned allow list', () => {
    const statements = policyStatements(dev);
    expect(statements.length).toBeGreaterThan(30);
    expect(unexplainedWildcards(statements)).toEqual([]);
  });
});
