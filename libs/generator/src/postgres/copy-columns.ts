import { SOURCE_TABLE_COLUMNS, type SourceTableName } from '@autocorp/schema';

/**
 * Column lists of the COPY statements: the schema's columns in definition order, which is the
 * order the row formatters write them (a column added to the schema without a formatter change
 * makes COPY fail loudly rather than shift values).
 */
export const COPY_COLUMNS: Readonly<Record<SourceTableName, readonly string[]>> = SOURCE_TABLE_COLUMNS;
