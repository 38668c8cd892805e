export { ORDER_STATUSES, ORDER_TYPES, type OrderType, PAYMENT_METHODS } from './order-vocabulary';
export * from './tables/index';
export { SOURCE_TABLES, SOURCE_TABLE_NAMES, type SourceTableName, isSourceTableName } from './source-tables';
export { MIGRATIONS_DIR } from './migrations';
export { REPORTING_VIEWS, REPORTING_VIEW_COLUMNS, type ReportingViewName } from './reporting-views';
export { type DrizzleSchema, drizzleSchema } from './drizzle-schema';
export { SOURCE_TABLE_COLUMNS } from './table-columns';
