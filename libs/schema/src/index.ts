export * from './tables/index';
export { SOURCE_TABLES, SOURCE_TABLE_NAMES, type SourceTableName, isSourceTableName } from './source-tables';
