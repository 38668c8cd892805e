import { ORDER_STATUSES, ORDER_TYPES, PAYMENT_METHODS } from '@autocorp/schema';
import { column } from '../model/column-type';
import type { JobDefinition } from '../model/job-definition';
import {
  allowedValues,
  freshness,
  inRange,
  isComplete,
  isUnique,
  parses,
  reconciles,
  referenceCoverage,
  references,
  rowExpression,
  wellFormed,
} from '../rules/rule-builders';
import { META_PASSTHROUGH, csvSource, databaseSource, upsertTable } from './job-helpers';

/** Share of rows that must pass a row rule on sources that hold dirty CSV rows (0.1 % expected). */
const CSV_PASS_RATIO = 0.99;
/**
 * Bad rows a CSV row rule tolerates whatever the batch size: what the ratio allows in a batch of 100
 * rows, so that one bad row in a small delta is quarantined instead of blocking the job and the jobs
 * after it.
 */
const CSV_ALLOWED_BAD_ROWS = 1;
const csv = { minPassRatio: CSV_PASS_RATIO, allowedFailures: CSV_ALLOWED_BAD_ROWS };
/**
 * Orders of a batch must include one updated within a day of the newest order the table holds (the
 * data's own clock: the generated history ends in 2025, so a wall-clock window would always fire).
 */
const ORDER_FRESHNESS_HOURS = 24;

/** The order vocabularies are the source schema's (libs/schema), which the generator draws from too. */
export { ORDER_STATUSES, ORDER_TYPES, PAYMENT_METHODS };

/**
 * sales_order: PostgreSQL orders (CDC) and CSV orders in one table keyed by invoice_number.
 * Versions of one invoice are resolved by Hudi's precombine on updated_at (the latest wins, within
 * the batch and against the table), which is the generator's winner rule.
 */
export const SALES_ORDER_JOB: JobDefinition = {
  name: 'sales_order',
  layer: 'operational',
  description:
    'Order headers from PostgreSQL (CDC) and the CSV export, deduplicated on invoice_number (latest updated_at wins).',
  sources: [databaseSource('sales_order'), csvSource('sales_orders')],
  dependsOn: ['customers'],
  transformSql: `SELECT invoice_number, order_id, customer_id, order_date,
  CAST(year(order_date) AS INT) AS order_year,
  payment_method, subtotal, tax, total_amount, order_type, status, notes, created_at, updated_at,
  'postgres' AS source_system,
  ${META_PASSTHROUGH}
FROM pg_sales_order
UNION ALL
SELECT invoice_number, CAST(NULL AS BIGINT) AS order_id, customer_id, order_date,
  CAST(year(order_date) AS INT) AS order_year,
  payment_method, subtotal, tax, total_amount, order_type, status, notes, created_at, updated_at,
  'csv' AS source_system,
  ${META_PASSTHROUGH}
FROM csv_sales_orders`,
  columns: [
    column('invoice_number', 'STRING', false, 'Invoice number, the record key; unique across both sources'),
    column('order_id', 'BIGINT', true, 'PostgreSQL order id (NULL for CSV orders)'),
    column('customer_id', 'INT', false, 'Customer (curated customers)'),
    column('order_date', 'TIMESTAMP', false, 'When the order was placed'),
    column('order_year', 'INT', false, 'Year of order_date; the partition field'),
    column('payment_method', 'STRING', true, 'Payment method'),
    column('subtotal', 'DECIMAL(12,2)', false, 'Sum of the line totals'),
    column('tax', 'DECIMAL(12,2)', false, 'Tax on the subtotal'),
    column('total_amount', 'DECIMAL(12,2)', false, 'subtotal + tax'),
    column('order_type', 'STRING', false, 'Parts, Service or Mixed'),
    column('status', 'STRING', true, 'Order status'),
    column('notes', 'STRING', true, 'Free text'),
    column('created_at', 'TIMESTAMP', true, 'Row creation time at the source'),
    column('updated_at', 'TIMESTAMP', false, 'Version time; Hudi precombine field (latest wins)'),
    column('source_system', 'STRING', false, 'postgres or csv'),
  ],
  rules: [
    wellFormed('fail', csv),
    parses('fail', csv),
    isComplete('invoice_number', 'fail', csv),
    isComplete('order_date', 'fail', csv),
    isComplete('updated_at', 'fail', csv),
    references(['customer_id'], 'customers', ['customer_id'], 'fail', csv),
    rowExpression(
      'amounts_non_negative',
      'subtotal >= 0 AND tax >= 0 AND total_amount >= 0',
      'fail',
      'subtotal, tax and total_amount are not negative',
      csv,
    ),
    allowedValues('order_type', ORDER_TYPES, 'fail', { ...csv, name: 'order_type_known' }),
    rowExpression(
      'total_is_subtotal_plus_tax',
      'total_amount = subtotal + tax',
      'warn',
      'total_amount = subtotal + tax',
      csv,
    ),
    allowedValues('status', ORDER_STATUSES, 'warn', { ...csv, name: 'status_known' }),
    allowedValues('payment_method', PAYMENT_METHODS, 'warn', { ...csv, name: 'payment_method_known' }),
    reconciles('fail'),
    isUnique(['order_id'], 'fail'),
    freshness('updated_at', ORDER_FRESHNESS_HOURS, 'warn', { name: 'updated_at_fresh', clock: 'data' }),
  ],
  // An update can move an order to another year (order_date corrected): the global index finds the key in any
  // order_year partition and moves the row, so it is never left in two partitions.
  // Sorted by invoice within each year (invoices follow the order date within each source): the changes of recent
  // orders rewrite the newest files only.
  hudi: {
    ...upsertTable('sales_order', ['invoice_number'], 'updated_at', ['order_year']),
    indexType: 'GLOBAL_SIMPLE',
    sortColumns: ['invoice_number'],
  },
};

/**
 * Line tables key on (invoice_number, line_number): CSV lines carry both; PostgreSQL lines get the
 * invoice_number of their order (via the order history, so that deletes resolve too) and use their
 * line_item_id as line_number. Invoice numbers of the two sources never meet, so keys never collide.
 */
const PG_LINE_INVOICE = 'LEFT JOIN pg_sales_order_history h ON h.order_id = l.order_id';

/** Columns every line table starts with: the record key (invoice_number, line_number) and the PostgreSQL ids. */
const LINE_KEY_COLUMNS = [
  column('invoice_number', 'STRING', false, 'Invoice of the order (record key, with line_number)'),
  column('line_number', 'BIGINT', false, 'Line within the invoice: CSV line number, or the PostgreSQL line_item_id'),
  column('line_item_id', 'BIGINT', true, 'PostgreSQL line id (NULL for CSV lines)'),
  column('order_id', 'BIGINT', true, 'PostgreSQL order id (NULL for CSV lines)'),
];

/** Columns every line table ends with: source times, the precombine field and the source system. */
const LINE_VERSION_COLUMNS = [
  column('created_at', 'TIMESTAMP', true, 'Row creation time at the source (NULL for CSV lines)'),
  column(
    'updated_at',
    'TIMESTAMP',
    false,
    'Version time (the order version for CSV lines, created_at for PostgreSQL lines); precombine',
  ),
  column('source_system', 'STRING', false, 'postgres or csv'),
];

/** Rules every line table has: the CSV rows parse and carry their key, and the lines reconcile with the source and their orders. */
const LINE_COMMON_RULES = {
  head: [
    wellFormed('fail', csv),
    parses('fail', csv),
    isComplete('invoice_number', 'fail', csv),
    isComplete('line_number', 'fail', csv),
    isComplete('updated_at', 'fail', csv),
  ],
  tail: [
    reconciles('fail'),
    referenceCoverage(['invoice_number'], 'sales_order', ['invoice_number'], 0.99, 'warn', {
      name: 'invoice_number_covered_by_sales_order',
    }),
  ],
};

export const SALES_ORDER_PARTS_JOB: JobDefinition = {
  name: 'sales_order_parts',
  layer: 'operational',
  description: 'Part lines from PostgreSQL (CDC) and the CSV export, keyed by invoice_number + line_number.',
  sources: [
    databaseSource('sales_order_parts'),
    databaseSource('sales_order', 'history'),
    csvSource('sales_order_parts'),
  ],
  dependsOn: ['auto_parts', 'sales_order'],
  transformSql: `SELECT h.invoice_number, l.line_item_id AS line_number, l.line_item_id, l.order_id, l.sku, l.quantity, l.unit_price, l.line_total,
  l.created_at, l.created_at AS updated_at, 'postgres' AS source_system,
  l._op, l._source_file, l._source_line, l._raw_row, l._unparsed_columns, l._malformed
FROM pg_sales_order_parts l
${PG_LINE_INVOICE}
UNION ALL
SELECT invoice_number, CAST(line_number AS BIGINT) AS line_number, CAST(NULL AS BIGINT) AS line_item_id, CAST(NULL AS BIGINT) AS order_id,
  sku, quantity, unit_price, line_total, CAST(NULL AS TIMESTAMP) AS created_at, updated_at, 'csv' AS source_system,
  ${META_PASSTHROUGH}
FROM csv_sales_order_parts`,
  columns: [
    ...LINE_KEY_COLUMNS,
    column('sku', 'STRING', false, 'Part sold (curated auto_parts)'),
    column('quantity', 'INT', false, 'Units sold'),
    column('unit_price', 'DECIMAL(10,2)', false, 'Price per unit'),
    column('line_total', 'DECIMAL(12,2)', false, 'quantity * unit_price'),
    ...LINE_VERSION_COLUMNS,
  ],
  rules: [
    ...LINE_COMMON_RULES.head,
    references(['sku'], 'auto_parts', ['sku'], 'fail', csv),
    inRange('quantity', { min: 0, exclusiveMin: true }, 'fail', { ...csv, name: 'quantity_positive' }),
    rowExpression(
      'amounts_non_negative',
      'unit_price >= 0 AND line_total >= 0',
      'fail',
      'unit_price and line_total are not negative',
      csv,
    ),
    rowExpression(
      'line_total_is_quantity_times_price',
      'line_total = quantity * unit_price',
      'warn',
      'line_total = quantity * unit_price',
      csv,
    ),
    ...LINE_COMMON_RULES.tail,
  ],
  // Sorted by invoice (in date order within each source): the lines of recent orders sit in the newest files.
  hudi: {
    ...upsertTable('sales_order_parts', ['invoice_number', 'line_number'], 'updated_at'),
    sortColumns: ['invoice_number', 'line_number'],
  },
};

export const SALES_ORDER_SERVICES_JOB: JobDefinition = {
  name: 'sales_order_services',
  layer: 'operational',
  description: 'Service lines from PostgreSQL (CDC) and the CSV export, keyed by invoice_number + line_number.',
  sources: [
    databaseSource('sales_order_services'),
    databaseSource('sales_order', 'history'),
    csvSource('sales_order_services'),
  ],
  dependsOn: ['service', 'sales_order'],
  transformSql: `SELECT h.invoice_number, l.line_item_id AS line_number, l.line_item_id, l.order_id, l.serviceid, l.quantity, l.labor_minutes,
  l.labor_cost, l.parts_cost, l.line_total, l.created_at, l.created_at AS updated_at, 'postgres' AS source_system,
  l._op, l._source_file, l._source_line, l._raw_row, l._unparsed_columns, l._malformed
FROM pg_sales_order_services l
${PG_LINE_INVOICE}
UNION ALL
SELECT invoice_number, CAST(line_number AS BIGINT) AS line_number, CAST(NULL AS BIGINT) AS line_item_id, CAST(NULL AS BIGINT) AS order_id,
  serviceid, quantity, labor_minutes, labor_cost, parts_cost, line_total, CAST(NULL AS TIMESTAMP) AS created_at, updated_at, 'csv' AS source_system,
  ${META_PASSTHROUGH}
FROM csv_sales_order_services`,
  columns: [
    ...LINE_KEY_COLUMNS,
    column('serviceid', 'STRING', false, 'Service performed (curated service)'),
    column('quantity', 'INT', false, 'Times performed'),
    column('labor_minutes', 'INT', true, 'Labor duration'),
    column('labor_cost', 'DECIMAL(10,2)', false, 'Labor cost'),
    column('parts_cost', 'DECIMAL(10,2)', false, "Cost of the service's required parts"),
    column('line_total', 'DECIMAL(12,2)', false, 'labor_cost + parts_cost'),
    ...LINE_VERSION_COLUMNS,
  ],
  rules: [
    ...LINE_COMMON_RULES.head,
    references(['serviceid'], 'service', ['serviceid'], 'fail', csv),
    inRange('quantity', { min: 0, exclusiveMin: true }, 'fail', { ...csv, name: 'quantity_positive' }),
    rowExpression(
      'amounts_non_negative',
      'labor_cost >= 0 AND parts_cost >= 0 AND line_total >= 0',
      'fail',
      'labor_cost, parts_cost and line_total are not negative',
      csv,
    ),
    rowExpression(
      'line_total_is_labor_plus_parts',
      'line_total = labor_cost + parts_cost',
      'warn',
      'line_total = labor_cost + parts_cost',
      csv,
    ),
    ...LINE_COMMON_RULES.tail,
  ],
  // Sorted by invoice (in date order within each source): the lines of recent orders sit in the newest files.
  hudi: {
    ...upsertTable('sales_order_services', ['invoice_number', 'line_number'], 'updated_at'),
    sortColumns: ['invoice_number', 'line_number'],
  },
};
