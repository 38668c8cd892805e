import { HudiSyncConfig, HudiTableConfig, HudiWriteConfig } from '@autocorp/hudi/config';
import { describe, expect, it } from 'vitest';
import {
  type GlueEnvironment,
  JOBS,
  glueCatalogSyncOptions,
  hudiWriteOptions,
  parseHudiWriteOptions,
} from '../src/index';

// The Glue options are built from @autocorp/hudi's config registry: every key is one it defines, and the
// local writer's reading of them (parseHudiWriteOptions) gives back each job's Hudi settings.

const registered = new Set(
  [HudiTableConfig, HudiWriteConfig, HudiSyncConfig].flatMap((group) =>
    Object.values(group).map((config) => config.key),
  ),
);
const env: GlueEnvironment = {
  lakeUri: 's3://autocorp-lake-123/lake/',
  glueDatabase: 'autocorp',
  cdcSlot: 'autocorp_cdc',
  tempUri: 's3://autocorp-lake-123/tmp',
  scriptsUri: 's3://autocorp-lake-123/scripts',
};

describe('Hudi option keys', () => {
  it('come from the config registry, for every job', () => {
    for (const job of JOBS) {
      const keys = [...Object.keys(hudiWriteOptions(job)), ...Object.keys(glueCatalogSyncOptions(job, env))];
      expect(keys.filter((key) => !registered.has(key))).toEqual([]);
    }
  });

  it("read back into each job's Hudi settings", () => {
    for (const job of JOBS) {
      const parsed = parseHudiWriteOptions(hudiWriteOptions(job));
      expect(parsed).toMatchObject({
        tableName: job.hudi.tableName,
        operation: job.hudi.operation,
        recordKeyFields: [...job.hudi.recordKeyFields],
        precombineField: job.hudi.precombineField,
        partitionFields: [...job.hudi.partitionFields],
        hiveStylePartitioning: job.hudi.hiveStylePartitioning,
        indexType: job.hudi.indexType,
        commitsRetained: job.hudi.commitsRetained,
        metadataEnabled: false,
        tableVersion: 6,
      });
    }
  });
});
