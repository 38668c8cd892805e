import { column } from '../model/column-type';
import type { JobDefinition } from '../model/job-definition';
import {
  allowedValues,
  expressionRatio,
  inRange,
  isComplete,
  isUnique,
  rowCount,
  rowCountMatch,
} from '../rules/rule-builders';
import { SERVICE_CATEGORIES } from './catalog-jobs';
import { CURATED_META, curatedSource, rebuiltTable } from './job-helpers';

/** One row per order with its line aggregates and the customer's state. */
export const SALES_ORDER_FACT_JOB: JobDefinition = {
  name: 'sales_order_fact',
  layer: 'analytics',
  description: 'One row per order (both sources) with line counts and amounts by kind, and the customer state.',
  sources: [
    curatedSource('sales_order'),
    curatedSource('sales_order_parts'),
    curatedSource('sales_order_services'),
    curatedSource('customers'),
  ],
  dependsOn: ['sales_order', 'sales_order_parts', 'sales_order_services', 'customers'],
  transformSql: `SELECT o.invoice_number, o.order_id, o.customer_id, c.state AS customer_state,
  o.order_date, o.order_year, CAST(month(o.order_date) AS INT) AS order_month,
  o.order_type, o.payment_method, o.status,
  CAST(COALESCE(p.part_lines, 0) AS INT) AS part_lines,
  CAST(COALESCE(p.parts_quantity, 0) AS BIGINT) AS parts_quantity,
  CAST(COALESCE(p.parts_amount, 0) AS DECIMAL(14,2)) AS parts_amount,
  CAST(COALESCE(s.service_lines, 0) AS INT) AS service_lines,
  CAST(COALESCE(s.labor_amount, 0) AS DECIMAL(14,2)) AS labor_amount,
  CAST(COALESCE(s.services_amount, 0) AS DECIMAL(14,2)) AS services_amount,
  o.subtotal, o.tax, o.total_amount, o.source_system, o.updated_at,
  ${CURATED_META}
FROM sales_order o
LEFT JOIN (
  SELECT invoice_number, count(*) AS part_lines, sum(quantity) AS parts_quantity, sum(line_total) AS parts_amount
  FROM sales_order_parts GROUP BY invoice_number
) p ON p.invoice_number = o.invoice_number
LEFT JOIN (
  SELECT invoice_number, count(*) AS service_lines, sum(labor_cost) AS labor_amount, sum(line_total) AS services_amount
  FROM sales_order_services GROUP BY invoice_number
) s ON s.invoice_number = o.invoice_number
LEFT JOIN customers c ON c.customer_id = o.customer_id`,
  columns: [
    column('invoice_number', 'STRING', false, 'Invoice number, the record key'),
    column('order_id', 'BIGINT', true, 'PostgreSQL order id (NULL for CSV orders)'),
    column('customer_id', 'INT', false, 'Customer'),
    column('customer_state', 'STRING', true, "Customer's state"),
    column('order_date', 'TIMESTAMP', false, 'When the order was placed'),
    column('order_year', 'INT', false, 'Year of order_date; the partition field'),
    column('order_month', 'INT', false, 'Month of order_date'),
    column('order_type', 'STRING', false, 'Parts, Service or Mixed'),
    column('payment_method', 'STRING', true, 'Payment method'),
    column('status', 'STRING', true, 'Order status'),
    column('part_lines', 'INT', false, 'Number of part lines'),
    column('parts_quantity', 'BIGINT', false, 'Units of parts sold'),
    column('parts_amount', 'DECIMAL(14,2)', false, 'Sum of part line totals'),
    column('service_lines', 'INT', false, 'Number of service lines'),
    column('labor_amount', 'DECIMAL(14,2)', false, 'Sum of service labor costs'),
    column('services_amount', 'DECIMAL(14,2)', false, 'Sum of service line totals'),
    column('subtotal', 'DECIMAL(12,2)', false, 'Order subtotal'),
    column('tax', 'DECIMAL(12,2)', false, 'Tax'),
    column('total_amount', 'DECIMAL(12,2)', false, 'subtotal + tax'),
    column('source_system', 'STRING', false, 'postgres or csv'),
    column('updated_at', 'TIMESTAMP', false, 'Version time of the order; precombine'),
  ],
  rules: [
    rowCountMatch('sales_order', 1, 1, 'fail'),
    inRange('total_amount', { min: 0 }, 'fail', { name: 'total_amount_non_negative' }),
    expressionRatio(
      'lines_add_up_to_subtotal',
      'parts_amount + services_amount = subtotal',
      0.95,
      'warn',
      'the curated lines of an order add up to its subtotal',
    ),
    expressionRatio(
      'customer_state_known',
      'customer_state IS NOT NULL',
      0.99,
      'warn',
      "the order's customer is in curated customers",
    ),
  ],
  // Sorted by invoice within each year (invoices follow the order date within each source): the changes of recent
  // orders rewrite the newest files only, and the files' invoice ranges let an incremental run skip the others.
  hudi: {
    ...rebuiltTable('sales_order_fact', ['invoice_number'], 'updated_at', ['order_year']),
    sortColumns: ['invoice_number'],
  },
  incremental: {
    unit: 'invoice_number',
    drivers: [
      { source: 'sales_order', key: 'invoice_number' },
      { source: 'sales_order_parts', key: 'invoice_number' },
      { source: 'sales_order_services', key: 'invoice_number' },
      {
        source: 'customers',
        key: 'customer_id',
        via: { view: 'sales_order', on: 'customer_id', unit: 'invoice_number' },
      },
    ],
    restrict: {
      sales_order: 'invoice_number',
      sales_order_parts: 'invoice_number',
      sales_order_services: 'invoice_number',
    },
  },
};

/** Part and service lines in one table, denormalized with the part or service details and the order. */
export const SALES_ORDER_LINE_ITEMS_JOB: JobDefinition = {
  name: 'sales_order_line_items',
  layer: 'analytics',
  description: 'Every order line (parts and services) with the part or service details and its order, one table.',
  sources: [
    curatedSource('sales_order_parts'),
    curatedSource('sales_order_services'),
    curatedSource('auto_parts'),
    curatedSource('service'),
    curatedSource('sales_order'),
  ],
  dependsOn: ['sales_order_parts', 'sales_order_services', 'auto_parts', 'service', 'sales_order'],
  transformSql: `SELECT p.invoice_number, 'part' AS line_type, p.line_number, p.sku AS item_code,
  a.description AS item_description, a.category AS item_category, a.manufacturer,
  p.quantity, p.unit_price, CAST(NULL AS INT) AS labor_minutes, CAST(NULL AS DECIMAL(10,2)) AS labor_cost,
  CAST(NULL AS DECIMAL(10,2)) AS parts_cost, p.line_total,
  CAST(CASE WHEN p.sku IS NOT NULL
    AND row_number() OVER (PARTITION BY p.invoice_number, p.sku ORDER BY p.line_number) = 1 THEN 1 ELSE 0 END AS INT) AS first_line_of_sku_in_invoice,
  o.order_date, o.order_year, o.customer_id, o.order_type, p.source_system, p.updated_at,
  ${CURATED_META}
FROM sales_order_parts p
LEFT JOIN auto_parts a ON a.sku = p.sku
LEFT JOIN sales_order o ON o.invoice_number = p.invoice_number
UNION ALL
SELECT s.invoice_number, 'service' AS line_type, s.line_number, s.serviceid AS item_code,
  v.service AS item_description, v.category AS item_category, CAST(NULL AS STRING) AS manufacturer,
  s.quantity, CAST(NULL AS DECIMAL(10,2)) AS unit_price, s.labor_minutes, s.labor_cost,
  s.parts_cost, s.line_total, CAST(0 AS INT) AS first_line_of_sku_in_invoice,
  o.order_date, o.order_year, o.customer_id, o.order_type, s.source_system, s.updated_at,
  ${CURATED_META}
FROM sales_order_services s
LEFT JOIN service v ON v.serviceid = s.serviceid
LEFT JOIN sales_order o ON o.invoice_number = s.invoice_number`,
  columns: [
    column('invoice_number', 'STRING', false, 'Invoice (record key, with line_type and line_number)'),
    column('line_type', 'STRING', false, 'part or service (record key part)'),
    column('line_number', 'BIGINT', false, 'Line within the invoice (record key part)'),
    column('item_code', 'STRING', false, 'SKU or service id'),
    column('item_description', 'STRING', true, 'Part description or service name'),
    column('item_category', 'STRING', true, 'Part or service category'),
    column('manufacturer', 'STRING', true, 'Part manufacturer (parts only)'),
    column('quantity', 'INT', false, 'Units or times performed'),
    column('unit_price', 'DECIMAL(10,2)', true, 'Part unit price (parts only)'),
    column('labor_minutes', 'INT', true, 'Labor minutes (services only)'),
    column('labor_cost', 'DECIMAL(10,2)', true, 'Labor cost (services only)'),
    column('parts_cost', 'DECIMAL(10,2)', true, 'Required parts cost (services only)'),
    column('line_total', 'DECIMAL(12,2)', false, 'Line total'),
    column(
      'first_line_of_sku_in_invoice',
      'INT',
      false,
      '1 on the first line (lowest line_number) of each part SKU in an invoice, else 0 (service lines, no SKU); summed, it counts distinct invoices per SKU',
    ),
    column('order_date', 'TIMESTAMP', true, 'Order date (NULL when the order is not curated)'),
    column('order_year', 'INT', true, 'Order year'),
    column('customer_id', 'INT', true, 'Customer'),
    column('order_type', 'STRING', true, 'Order type'),
    column('source_system', 'STRING', false, 'postgres or csv'),
    column('updated_at', 'TIMESTAMP', false, 'Version time of the line; precombine'),
  ],
  rules: [
    allowedValues('line_type', ['part', 'service'], 'fail', { name: 'line_type_known' }),
    isUnique(['invoice_number', 'line_type', 'line_number'], 'fail', { name: 'line_key_is_unique' }),
    expressionRatio(
      'item_details_found',
      'item_description IS NOT NULL',
      0.999,
      'warn',
      'the part or service of a line is in the curated catalog',
    ),
    expressionRatio(
      'order_found',
      'order_date IS NOT NULL',
      0.99,
      'warn',
      "the line's order is in curated sales_order",
    ),
    rowCount(1, 'fail', { name: 'has_rows' }),
  ],
  // Partitioned by year and sorted by invoice, like sales_order_fact: date-range queries skip the other years and
  // the row groups outside the range (invoices follow the order date within each source), and the changes of
  // recent orders rewrite the newest files only.
  hudi: {
    ...rebuiltTable('sales_order_line_items', ['invoice_number', 'line_type', 'line_number'], 'updated_at', [
      'order_year',
    ]),
    sortColumns: ['invoice_number', 'line_type', 'line_number'],
  },
  incremental: {
    unit: 'invoice_number',
    drivers: [
      { source: 'sales_order_parts', key: 'invoice_number' },
      { source: 'sales_order_services', key: 'invoice_number' },
      {
        source: 'sales_order',
        key: 'invoice_number',
        columns: ['order_date', 'order_year', 'customer_id', 'order_type'],
      },
      {
        source: 'auto_parts',
        key: 'sku',
        via: { view: 'sales_order_parts', on: 'sku', unit: 'invoice_number' },
        columns: ['description', 'category', 'manufacturer'],
      },
      {
        source: 'service',
        key: 'serviceid',
        via: { view: 'sales_order_services', on: 'serviceid', unit: 'invoice_number' },
        columns: ['service', 'category'],
      },
    ],
    restrict: {
      sales_order_parts: 'invoice_number',
      sales_order_services: 'invoice_number',
      sales_order: 'invoice_number',
    },
  },
};

/** Service x part with prices and the total parts cost of each service. */
export const SERVICE_PARTS_CATALOG_JOB: JobDefinition = {
  name: 'service_parts_catalog',
  layer: 'analytics',
  description: 'The service catalog joined with its required parts and prices, with the parts cost per service.',
  sources: [curatedSource('service_parts'), curatedSource('service'), curatedSource('auto_parts')],
  dependsOn: ['service_parts', 'service', 'auto_parts'],
  transformSql: `SELECT sp.serviceid, sp.sku, s.service, s.category AS service_category,
  a.description AS part_description, a.category AS part_category, a.manufacturer,
  sp.quantity, a.price AS part_price, CAST(sp.quantity * a.price AS DECIMAL(12,2)) AS part_cost,
  s.labor_minutes, s.labor_cost,
  CAST(sum(sp.quantity * a.price) OVER (PARTITION BY sp.serviceid) AS DECIMAL(12,2)) AS service_parts_cost,
  CAST(count(*) OVER (PARTITION BY sp.serviceid) AS INT) AS service_part_count,
  greatest(sp.updated_at, s.updated_at, a.updated_at) AS updated_at,
  ${CURATED_META}
FROM service_parts sp
JOIN service s ON s.serviceid = sp.serviceid
JOIN auto_parts a ON a.sku = sp.sku`,
  columns: [
    column('serviceid', 'STRING', false, 'Service (record key, with sku)'),
    column('sku', 'STRING', false, 'Required part (record key, with serviceid)'),
    column('service', 'STRING', false, 'Service name'),
    column('service_category', 'STRING', false, 'Service category'),
    column('part_description', 'STRING', false, 'Part description'),
    column('part_category', 'STRING', false, 'Part category'),
    column('manufacturer', 'STRING', false, 'Part manufacturer'),
    column('quantity', 'INT', false, 'Units of the part the service needs'),
    column('part_price', 'DECIMAL(10,2)', false, 'Part list price'),
    column('part_cost', 'DECIMAL(12,2)', false, 'quantity * part_price'),
    column('labor_minutes', 'INT', false, 'Service labor minutes'),
    column('labor_cost', 'DECIMAL(10,2)', false, 'Service labor cost'),
    column('service_parts_cost', 'DECIMAL(12,2)', false, "Sum of part_cost over the service's parts"),
    column('service_part_count', 'INT', false, 'Number of parts the service needs'),
    column('updated_at', 'TIMESTAMP', false, 'Latest change of the three inputs; precombine'),
  ],
  rules: [
    rowCountMatch('service_parts', 1, 1, 'fail'),
    inRange('part_price', { min: 0, exclusiveMin: true }, 'fail', { name: 'part_price_positive' }),
    allowedValues('service_category', SERVICE_CATEGORIES, 'warn', { name: 'service_category_known' }),
    isComplete('part_description', 'fail'),
    isUnique(['serviceid', 'sku'], 'fail', { name: 'service_sku_is_unique' }),
    inRange('service_part_count', { min: 1, max: 27 }, 'warn', { name: 'service_part_count_in_range' }),
  ],
  hudi: rebuiltTable('service_parts_catalog', ['serviceid', 'sku'], 'updated_at'),
  incremental: {
    unit: 'serviceid',
    drivers: [
      { source: 'service_parts', key: 'serviceid' },
      { source: 'service', key: 'serviceid' },
      { source: 'auto_parts', key: 'sku', via: { view: 'service_parts', on: 'sku', unit: 'serviceid' } },
    ],
    restrict: { service_parts: 'serviceid', service: 'serviceid' },
  },
};
