import { Stack } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { LAKE_PREFIXES, resourceNames } from '../config/naming';
import { lakeBucketRefs } from '../constructs/lake-bucket-refs';
import { checkNamedQueries, type NamedQueryInput } from '../inputs/named-query-input';
import type { LakehouseStackProps } from './lakehouse-stack-props';

export interface QueryStackProps extends LakehouseStackProps {
  readonly key: kms.IKey;
  readonly databaseName: string;
  /** The named queries, from @autocorp/query (shared-definitions.ts). */
  readonly queries: readonly NamedQueryInput[];
}

/** Athena: a workgroup that enforces its encrypted results location and a per-query scan cutoff, and the named queries. */
export class QueryStack extends Stack {
  readonly workgroup: athena.CfnWorkGroup;
  readonly namedQueries: athena.CfnNamedQuery[];

  constructor(scope: Construct, id: string, props: QueryStackProps) {
    super(scope, id, props);
    const { config } = props;
    const { athenaResults } = lakeBucketRefs(this, config);
    this.workgroup = new athena.CfnWorkGroup(this, 'Workgroup', {
      name: resourceNames(config).workgroup,
      description: `AutoCorp lakehouse ${config.name} queries`,
      state: 'ENABLED',
      // dev can be torn down with its saved queries and history; elsewhere a workgroup with history is kept.
      recursiveDeleteOption: config.removal === 'destroy',
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        requesterPaysEnabled: false,
        bytesScannedCutoffPerQuery: config.query.bytesScannedCutoffPerQuery,
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        resultConfiguration: {
          outputLocation: `s3://${athenaResults.bucketName}/${LAKE_PREFIXES.athenaResults}`,
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKey: props.key.keyArn },
          expectedBucketOwner: this.account,
        },
      },
    });
    this.namedQueries = checkNamedQueries(props.queries).map(
      (query) =>
        // Construct ids from the query name: reordering the list does not replace the queries.
        new athena.CfnNamedQuery(this, `Query-${query.name.replace(/[^A-Za-z0-9]+/g, '-')}`, {
          name: query.name,
          description: query.description,
          database: props.databaseName,
          queryString: query.sql,
          workGroup: this.workgroup.ref,
        }),
    );
  }
}
