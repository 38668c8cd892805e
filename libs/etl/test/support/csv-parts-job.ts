import { CSV_COLUMNS, type JobDefinition, column, jobByName } from '@autocorp/etl-jobs';

export const HEADER = 'invoice_number,line_number,sku,quantity,unit_price,line_total,updated_at';
export const row = (invoice: string, sku = 'P1', quantity = '1', updatedAt = '2024-01-05 10:00:00') =>
  `${invoice},1,${sku},${quantity},10.00,10.00,${updatedAt}`;

/** A job over the part-lines CSV alone: the reader's line numbers, raw text and reasons are what it checks. */
export const JOB: JobDefinition = {
  name: 'sales_order_parts',
  layer: 'operational',
  description: 'CSV part lines (test job)',
  sources: [{ kind: 'csv', view: 'csv_lines', table: 'sales_order_parts', columns: CSV_COLUMNS.sales_order_parts }],
  dependsOn: [],
  transformSql: `SELECT invoice_number, CAST(line_number AS BIGINT) AS line_number, sku, quantity, updated_at, _op, _source_file, _source_line, _raw_row, _unparsed_columns, _malformed FROM csv_lines`,
  columns: [
    column('invoice_number', 'STRING', false, 'key'),
    column('line_number', 'BIGINT', false, 'key'),
    column('sku', 'STRING', true, 'sku'),
    column('quantity', 'INT', true, 'quantity'),
    column('updated_at', 'TIMESTAMP', false, 'precombine'),
  ],
  // The part-lines job's first three rules, allowed to fail on any share of the rows.
  rules: jobByName('sales_order_parts')
    .rules.filter((r) => ['line_well_formed', 'fields_parse', 'invoice_number_is_complete'].includes(r.name))
    .map((r) => ({ ...r, minPassRatio: 0 })),
  hudi: {
    tableName: 'csv_lines',
    recordKeyFields: ['invoice_number', 'line_number'],
    precombineField: 'updated_at',
    partitionFields: [],
    hiveStylePartitioning: true,
    operation: 'upsert',
    indexType: 'SIMPLE',
    commitsRetained: 10,
  },
};
