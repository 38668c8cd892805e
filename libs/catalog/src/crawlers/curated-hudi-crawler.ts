import { startProgress } from '@autocorp/progress';
import { HudiTable, HudiTableConfig, PROPERTIES_PATH } from '@autocorp/hudi';
import { ZONES } from '@autocorp/lake-storage';
import { CatalogError } from '../catalog-error';
import { avroTypeToGlue } from '../column-types';
import type { Column, PartitionInput } from '../model';
import { toCatalogName } from '../names';
import { type CrawlOptions, DEFAULT_DATABASES } from './crawl-options';
import type { CrawlReport, TableCrawlResult } from './crawl-report';
import { lakeFolderUri, listKeys } from './local-files';

const CURATED_PREFIX = ZONES.curated;
const PROPERTIES_SUFFIX = PROPERTIES_PATH;

/** Hudi's five meta columns, first in every base file (Hudi's Glue sync registers them too). */
export const HUDI_META_COLUMNS: readonly Column[] = [
  '_hoodie_commit_time',
  '_hoodie_commit_seqno',
  '_hoodie_record_key',
  '_hoodie_partition_path',
  '_hoodie_file_name',
].map((name) => ({ name, type: 'string' }));

/** Table properties copied from hoodie.properties: stable facts about the table, nothing that changes per commit. */
const COPIED_PROPERTIES = [
  HudiTableConfig.TABLE_NAME,
  HudiTableConfig.TABLE_TYPE,
  HudiTableConfig.TABLE_VERSION,
  HudiTableConfig.RECORD_KEY_FIELDS,
  HudiTableConfig.PRECOMBINE_FIELD,
  HudiTableConfig.PARTITION_FIELDS,
  HudiTableConfig.KEY_GENERATOR_CLASS,
  HudiTableConfig.HIVE_STYLE_PARTITIONING,
].map((config) => config.key);

/**
 * Registers every Hudi table under `curated/` (any folder holding `.hoodie/hoodie.properties`):
 * columns from the latest commit's schema (meta columns first, partition fields as partition keys),
 * table properties from hoodie.properties, one partition per partition path with live files.
 */
export async function crawlCuratedHudi(options: CrawlOptions): Promise<CrawlReport> {
  const database = options.database ?? DEFAULT_DATABASES.curated;
  const { store, catalog } = options;
  await catalog.ensureDatabase({
    name: database,
    description: 'Curated zone of the AutoCorp lake: Hudi tables written by the ETL jobs.',
    locationUri: lakeFolderUri(store, CURATED_PREFIX),
  });
  const tablePrefixes = (await listKeys(store, CURATED_PREFIX))
    .filter((k) => k.endsWith(`/${PROPERTIES_SUFFIX}`))
    .map((k) => k.slice(0, -PROPERTIES_SUFFIX.length))
    .sort();
  const progress = startProgress(options.onProgress, {
    stage: 'crawl',
    subject: CURATED_PREFIX,
    unit: 'tables',
    total: tablePrefixes.length,
  });
  const results: TableCrawlResult[] = [];
  try {
    for (const prefix of tablePrefixes) {
      const folder = store.localPath(prefix.replace(/\/$/, ''));
      if (folder === undefined) {
        throw new CatalogError(
          'invalid-input',
          `The curated table at ${store.uri}/${prefix} is on a remote lake; the Hudi crawler reads local lakes only. On AWS the Glue jobs register curated tables through Hudi's Glue sync.`,
        );
      }
      const table = await HudiTable.open(folder);
      const schema = await table.schema();
      const partitionFields = table.config.partitionFields;
      const typeOf = new Map(schema.fields.map((f) => [f.name, avroTypeToGlue(f.avro as never)]));
      const columns: Column[] = [
        ...HUDI_META_COLUMNS,
        ...schema.fields
          .filter((f) => !partitionFields.includes(f.name))
          .map((f) => ({ name: f.name, type: typeOf.get(f.name) ?? 'string' })),
      ];
      const partitionKeys: Column[] = partitionFields.map((name) => ({ name, type: typeOf.get(name) ?? 'string' }));
      const properties: Record<string, string> = {};
      for (const key of COPIED_PROPERTIES) {
        const value = table.config.properties.get(key);
        if (value !== undefined) properties[key] = value;
      }
      const name = toCatalogName(prefix.slice(CURATED_PREFIX.length).replace(/\/$/, '').replace(/\//g, '_'));
      const location = lakeFolderUri(store, prefix);
      const result = await catalog.registerTable(database, {
        name,
        location,
        format: 'hudi',
        columns,
        partitionKeys,
        properties,
        description: `Hudi Copy-on-Write table ${table.config.tableName}.`,
      });
      let added = 0;
      if (partitionKeys.length > 0) {
        const plan = await table.plan({ type: 'snapshot' });
        const byPath = new Map<string, PartitionInput>();
        for (const file of plan.files) {
          if (byPath.has(file.partitionPath)) continue;
          byPath.set(file.partitionPath, {
            values: partitionFields.map((f) => file.partitionValues[f] ?? ''),
            location: `${location}${file.partitionPath}/`,
          });
        }
        added = await catalog.addPartitions(database, name, [...byPath.values()]);
      }
      results.push({
        database,
        table: name,
        outcome: result.outcome,
        ...(result.change ? { change: result.change } : {}),
        partitionsAdded: added,
        filesRead: 1,
      });
      progress.advance(1);
    }
  } finally {
    progress.finish();
  }
  return { crawler: 'curated-hudi', database, tables: results, rejected: [] };
}
