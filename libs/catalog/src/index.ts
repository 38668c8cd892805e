export { CatalogError, type CatalogErrorKind, isCatalogError } from './catalog-error';
export type {
  CatalogDatabase,
  CatalogTable,
  Column,
  DatabaseInput,
  Partition,
  PartitionInput,
  SchemaChange,
  TableFormat,
  TableInput,
  TableVersion,
} from './model';
export { TABLE_FORMATS } from './model';
export type { CatalogBackend } from './catalog-backend';
export { Catalog, type RegisterOutcome, type RegisterResult } from './catalog';
export { describeChange, diffSchemas, isSchemaChange, sameDefinition } from './schema-diff';
export { toCatalogName, validateName } from './names';
export {
  avroSchemaToColumns,
  avroTypeToGlue,
  duckdbTypeToGlue,
  glueTypeToDuckdb,
  widenGlueTypes,
} from './column-types';
export { parquetColumns, parquetPrimitiveToGlue } from './parquet-schema';
export { CSV_SAMPLE_ROWS, type CsvDialect, type CsvInference, sniffCsv } from './csv-sniff';
export { LocalCatalogBackend, type LocalCatalogOptions } from './local/local-catalog-backend';
export { GLUE_PARTITION_BATCH, GlueCatalogBackend, type GlueCatalogOptions } from './glue/glue-catalog-backend';
export { STORAGE_FORMATS, fromGlueTable, toGlueTableInput } from './glue/glue-mapping';
export { type CrawlOptions, DEFAULT_DATABASES } from './crawlers/crawl-options';
export type { CrawlReport, RejectedFile, TableCrawlResult } from './crawlers/crawl-report';
export { crawlRawDatabase } from './crawlers/raw-database-crawler';
export { crawlRawCsv } from './crawlers/raw-csv-crawler';
export { HUDI_META_COLUMNS, crawlCuratedHudi } from './crawlers/curated-hudi-crawler';
export { type CrawlAllOptions, crawlAll } from './crawlers/crawl-all';
