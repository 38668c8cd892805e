import { type App, Tags } from 'aws-cdk-lib';
import type { EnvironmentConfig } from '../config/environment-config';
import type { GlueJobInput } from '../inputs/glue-job-input';
import type { NamedQueryInput } from '../inputs/named-query-input';
import { AiStack } from '../stacks/ai-stack';
import { ChatStack } from '../stacks/chat-stack';
import { DataStack } from '../stacks/data-stack';
import { EtlStack } from '../stacks/etl-stack';
import { IngestionStack } from '../stacks/ingestion-stack';
import { ENVIRONMENT_TAG, MonitoringStack } from '../stacks/monitoring-stack';
import { QueryStack } from '../stacks/query-stack';
import { WebStack } from '../stacks/web-stack';
import { STACK_IDS, stackName } from './stack-ids';

export interface LakehouseInputs {
  readonly config: EnvironmentConfig;
  /** The source tables DMS replicates. */
  readonly sourceTables: readonly string[];
  /** The Glue jobs (glueJobsFromDefinitions). */
  readonly jobs: readonly GlueJobInput[];
  /** The Athena named queries. */
  readonly queries: readonly NamedQueryInput[];
}

export interface LakehouseStacks {
  readonly data: DataStack;
  readonly ingestion: IngestionStack;
  readonly etl: EtlStack;
  readonly query: QueryStack;
  readonly ai: AiStack;
  readonly chat: ChatStack;
  readonly monitoring: MonitoringStack;
  readonly web: WebStack;
}

/** Adds the eight stacks of one environment to `app`. */
export function buildLakehouse(app: App, inputs: LakehouseInputs): LakehouseStacks {
  const { config } = inputs;
  const env = { account: config.account, region: config.region };
  const common = (key: keyof typeof STACK_IDS, description: string) => ({
    env,
    config,
    stackName: stackName(config.name, key),
    description: `AutoCorp lakehouse (${config.name}): ${description}`,
  });
  Tags.of(app).add(ENVIRONMENT_TAG, config.name);
  Tags.of(app).add('autocorp:project', 'lakehouse');

  const data = new DataStack(
    app,
    STACK_IDS.data,
    common('data', 'stateful storage - lake key, buckets, source secret, catalog database, vector store'),
  );
  const ingestion = new IngestionStack(app, STACK_IDS.ingestion, {
    ...common('ingestion', 'network, DMS PostgreSQL replication, DataSync CSV transfer'),
    key: data.key,
    sourceSecret: data.sourceSecret,
    sourceTables: inputs.sourceTables,
  });
  const etl = new EtlStack(app, STACK_IDS.etl, {
    ...common('etl', 'Glue crawlers, jobs and workflow'),
    key: data.key,
    databaseName: data.databaseName,
    jobs: inputs.jobs,
  });
  const query = new QueryStack(app, STACK_IDS.query, {
    ...common('query', 'Athena workgroup and named queries'),
    key: data.key,
    databaseName: data.databaseName,
    queries: inputs.queries,
  });
  const ai = new AiStack(app, STACK_IDS.ai, {
    ...common('ai', 'Bedrock knowledge base and model access'),
    key: data.key,
    vectorBucketArn: data.vectorStore.bucket.attrVectorBucketArn,
    vectorIndexArn: data.vectorStore.index.attrIndexArn,
  });
  const chat = new ChatStack(app, STACK_IDS.chat, {
    ...common('chat', 'chat API - the assistant Lambda behind an IAM-auth function URL'),
    key: data.key,
    databaseName: data.databaseName,
    knowledgeBaseId: ai.knowledgeBase.attrKnowledgeBaseId,
    knowledgeBaseArn: ai.knowledgeBase.attrKnowledgeBaseArn,
  });
  // The chat function queries in the query stack's workgroup, which it names.
  chat.addStackDependency(query, "runs queries in the query stack's workgroup");
  const monitoring = new MonitoringStack(app, STACK_IDS.monitoring, {
    ...common('monitoring', 'dashboard, alarms, failure notifications, cost budget'),
    jobNames: inputs.jobs.map((job) => job.name),
  });
  const web = new WebStack(app, STACK_IDS.web, {
    ...common('web', 'web apps - ops dashboard and chat on S3 + CloudFront, the platform API Lambda'),
    key: data.key,
    databaseName: data.databaseName,
    chatUrl: chat.url,
  });
  // The platform API queries in the query stack's workgroup, which it names.
  web.addStackDependency(query, "runs queries in the query stack's workgroup");
  // The stacks name the data stack's buckets instead of referencing them: keep the deploy order explicit.
  for (const stack of [ingestion, etl, query, ai, chat, web])
    stack.addStackDependency(data, "names the data stack's buckets");
  return { data, ingestion, etl, query, ai, chat, monitoring, web };
}
