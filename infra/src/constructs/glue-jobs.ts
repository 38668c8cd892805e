import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Duration, Stage } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { LAKE_PREFIXES, resourceNames } from '../config/naming';
import type { GlueJobInput } from '../inputs/glue-job-input';

export interface GlueJobsProps {
  readonly config: EnvironmentConfig;
  readonly role: iam.Role;
  readonly securityConfiguration: string;
  readonly processed: s3.IBucket;
  /** Checked and in dependency order (orderJobs). */
  readonly jobs: readonly GlueJobInput[];
}

/** Arguments every job gets; a job definition's own arguments come after and win. */
export function commonJobArguments(tempDir: string): Record<string, string> {
  return {
    '--job-language': 'python',
    '--job-bookmark-option': 'job-bookmark-enable',
    '--enable-metrics': 'true',
    '--enable-observability-metrics': 'true',
    '--enable-glue-datacatalog': 'true',
    '--datalake-formats': 'hudi',
    '--conf':
      'spark.serializer=org.apache.spark.serializer.KryoSerializer --conf spark.sql.hive.convertMetastoreParquet=false',
    '--TempDir': tempDir,
  };
}

/**
 * The Glue 5.0 jobs generated from the shared job definitions. Each rendered script is written to
 * `<cloud assembly>/glue-scripts/<job>.py` at synth time and shipped as an S3 asset the job role may read.
 */
export class GlueJobs extends Construct {
  /** Glue jobs by job definition name. */
  readonly byName = new Map<string, glue.CfnJob>();

  constructor(scope: Construct, id: string, props: GlueJobsProps) {
    super(scope, id);
    const { config, role } = props;
    const names = resourceNames(config);
    const scriptsDir = path.join(Stage.of(this)?.outdir ?? '.', 'glue-scripts', config.name);
    mkdirSync(scriptsDir, { recursive: true });
    const tempDir = `s3://${props.processed.bucketName}/${LAKE_PREFIXES.glueTemp}`;

    for (const job of props.jobs) {
      const scriptFile = path.join(scriptsDir, `${job.name}.py`);
      writeFileSync(scriptFile, job.script);
      const script = new s3assets.Asset(this, `${job.name}-script`, { path: scriptFile });
      // Only this script object, not the whole CDK asset bucket.
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['s3:GetObject'],
          resources: [script.bucket.arnForObjects(script.s3ObjectKey)],
        }),
      );

      const cfnJob = new glue.CfnJob(this, job.name, {
        name: names.glueJob(job.name),
        description: `${job.layer}: ${job.description}`.slice(0, 2048),
        role: role.roleArn,
        glueVersion: '5.0',
        command: { name: 'glueetl', pythonVersion: '3', scriptLocation: script.s3ObjectUrl },
        workerType: config.etl.workerType,
        numberOfWorkers: config.etl.numberOfWorkers,
        timeout: Duration.minutes(config.etl.timeoutMinutes).toMinutes(),
        maxRetries: config.etl.maxRetries,
        executionProperty: { maxConcurrentRuns: 1 },
        securityConfiguration: props.securityConfiguration,
        defaultArguments: { ...commonJobArguments(tempDir), ...job.arguments },
        tags: { 'autocorp:layer': job.layer, 'autocorp:job': job.name },
      });
      this.byName.set(job.name, cfnJob);
    }
  }
}
