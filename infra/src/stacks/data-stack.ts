import { Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { resourceNames } from '../config/naming';
import { KnowledgeVectorStore } from '../constructs/knowledge-vector-store';
import { LakeBuckets } from '../constructs/lake-buckets';
import { LakeKey } from '../constructs/lake-key';
import { pinLogicalId } from '../constructs/logical-ids';
import { removalPolicyOf } from '../constructs/removal';
import { SourceSecret } from '../constructs/source-secret';
import { rawPrefixesByRead } from '../inputs/shared-definitions';
import type { LakehouseStackProps } from './lakehouse-stack-props';

/**
 * The stateful stack: the lake key, buckets, source secret, Glue catalog database and the knowledge base's
 * vector store. Everything here outlives redeploys; logical ids are pinned and prod is termination-protected.
 */
export class DataStack extends Stack {
  readonly key: kms.Key;
  readonly buckets: LakeBuckets;
  readonly sourceSecret: secretsmanager.Secret;
  readonly databaseName: string;
  readonly vectorStore: KnowledgeVectorStore;

  constructor(scope: Construct, id: string, props: LakehouseStackProps) {
    super(scope, id, { ...props, terminationProtection: props.config.terminationProtection });
    const { config } = props;
    this.key = new LakeKey(this, 'LakeKey', config).key;
    this.buckets = new LakeBuckets(this, 'Buckets', {
      config,
      key: this.key,
      archivableRawPrefixes: rawPrefixesByRead().readOnce,
    });
    this.sourceSecret = new SourceSecret(this, 'SourceSecret', { config, key: this.key }).secret;
    this.databaseName = resourceNames(config).glueDatabase;
    const database = new glue.CfnDatabase(this, 'CatalogDatabase', {
      catalogId: this.account,
      databaseInput: {
        name: this.databaseName,
        description: `AutoCorp lakehouse ${config.name}: raw (pg_*, csv_*) and curated (Hudi) tables`,
      },
    });
    database.applyRemovalPolicy(removalPolicyOf(config));
    pinLogicalId(database, 'CatalogDatabase');
    this.vectorStore = new KnowledgeVectorStore(this, 'KnowledgeVectors', { config, key: this.key });
  }
}
