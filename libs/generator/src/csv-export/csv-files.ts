/**
 * The files of the CSV export and their header rows. The two answer keys (which version of each
 * invoice must win, where every dirty row is) live in the `manifest/` sub-folder, so that a
 * transfer of the export folder moves only the data files.
 */
export const CSV_FILES = {
  customers: {
    name: 'customers.csv',
    columns: [
      'customer_id',
      'first_name',
      'last_name',
      'email',
      'phone',
      'address',
      'city',
      'state',
      'zip_code',
      'created_at',
      'updated_at',
    ],
  },
  orders: {
    name: 'sales_orders.csv',
    columns: [
      'invoice_number',
      'customer_id',
      'order_date',
      'payment_method',
      'subtotal',
      'tax',
      'total_amount',
      'order_type',
      'status',
      'notes',
      'created_at',
      'updated_at',
    ],
  },
  parts: {
    name: 'sales_order_parts.csv',
    columns: ['invoice_number', 'line_number', 'sku', 'quantity', 'unit_price', 'line_total', 'updated_at'],
  },
  services: {
    name: 'sales_order_services.csv',
    columns: [
      'invoice_number',
      'line_number',
      'serviceid',
      'quantity',
      'labor_minutes',
      'labor_cost',
      'parts_cost',
      'line_total',
      'updated_at',
    ],
  },
  winners: {
    name: 'manifest/expected_winners.csv',
    columns: [
      'invoice_number',
      'updated_at',
      'version',
      'versions',
      'status',
      'payment_method',
      'total_amount',
      'part_lines',
      'service_lines',
      'row_fnv1a',
    ],
  },
  defects: {
    name: 'manifest/expected_defects.csv',
    columns: ['file', 'line_number', 'defect', 'invoice_number'],
  },
} as const;

export type OrderFileKey = 'orders' | 'parts' | 'services';

export const MANIFEST_FILE = 'manifest.json';

export function headerLine(columns: readonly string[]): string {
  return `${columns.join(',')}\n`;
}
