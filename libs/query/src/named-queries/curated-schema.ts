import type { QuerySchema } from '../builder/query-schema';

/**
 * TypeScript view of the curated tables the named queries read (columns as libs/etl-jobs defines
 * them). Values follow the executors' row convention: decimals and timestamps as strings.
 */
export interface CuratedDb {
  [table: string]: Record<string, unknown>;
  auto_parts: {
    sku: string;
    description: string;
    category: string;
    manufacturer: string;
    price: string;
    stock_quantity: number;
    created_at: string;
    updated_at: string;
  };
  service: {
    serviceid: string;
    service: string;
    category: string;
    labor_minutes: number;
    labor_rate: string;
    labor_cost: string;
    created_at: string;
    updated_at: string;
  };
  service_parts: { serviceid: string; sku: string; quantity: number; created_at: string; updated_at: string };
  customers: {
    customer_id: number;
    first_name: string;
    last_name: string;
    email: string;
    phone: string | null;
    address: string | null;
    city: string | null;
    state: string;
    zip_code: string | null;
    created_at: string;
    updated_at: string;
  };
  sales_order: {
    invoice_number: string;
    order_id: number | null;
    customer_id: number;
    order_date: string;
    order_year: number;
    payment_method: string | null;
    subtotal: string;
    tax: string;
    total_amount: string;
    order_type: string;
    status: string | null;
    notes: string | null;
    created_at: string | null;
    updated_at: string;
    source_system: string;
  };
  sales_order_line_items: {
    invoice_number: string;
    line_type: string;
    line_number: number;
    item_code: string;
    item_description: string | null;
    item_category: string | null;
    manufacturer: string | null;
    quantity: number;
    unit_price: string | null;
    labor_minutes: number | null;
    labor_cost: string | null;
    parts_cost: string | null;
    line_total: string;
    order_date: string | null;
    order_year: number | null;
    customer_id: number | null;
    order_type: string | null;
    source_system: string;
    updated_at: string;
  };
  sales_order_parts: {
    invoice_number: string;
    line_number: number;
    line_item_id: number | null;
    order_id: number | null;
    sku: string;
    quantity: number;
    unit_price: string;
    line_total: string;
    created_at: string | null;
    updated_at: string;
    source_system: string;
  };
}

/**
 * The curated tables' columns with Glue types, as libs/etl-jobs defines them; the schema named
 * queries are checked against when no live catalog is at hand (e.g. rendering Athena NamedQuery text for CDK).
 */
export const CURATED_QUERY_SCHEMA: QuerySchema = {
  auto_parts: {
    sku: 'string',
    description: 'string',
    category: 'string',
    manufacturer: 'string',
    price: 'decimal(10,2)',
    stock_quantity: 'int',
    created_at: 'timestamp',
    updated_at: 'timestamp',
  },
  service: {
    serviceid: 'string',
    service: 'string',
    category: 'string',
    labor_minutes: 'int',
    labor_rate: 'decimal(8,2)',
    labor_cost: 'decimal(10,2)',
    created_at: 'timestamp',
    updated_at: 'timestamp',
  },
  service_parts: { serviceid: 'string', sku: 'string', quantity: 'int', created_at: 'timestamp', updated_at: 'timestamp' },
  customers: {
    customer_id: 'int',
    first_name: 'string',
    last_name: 'string',
    email: 'string',
    phone: 'string',
    address: 'string',
    city: 'string',
    state: 'string',
    zip_code: 'string',
    created_at: 'timestamp',
    updated_at: 'timestamp',
  },
  sales_order: {
    invoice_number: 'string',
    order_id: 'bigint',
    customer_id: 'int',
    order_date: 'timestamp',
    order_year: 'int',
    payment_method: 'string',
    subtotal: 'decimal(12,2)',
    tax: 'decimal(12,2)',
    total_amount: 'decimal(12,2)',
    order_type: 'string',
    status: 'string',
    notes: 'string',
    created_at: 'timestamp',
    updated_at: 'timestamp',
    source_system: 'string',
  },
  sales_order_line_items: {
    invoice_number: 'string',
    line_type: 'string',
    line_number: 'bigint',
    item_code: 'string',
    item_description: 'string',
    item_category: 'string',
    manufacturer: 'string',
    quantity: 'int',
    unit_price: 'decimal(10,2)',
    labor_minutes: 'int',
    labor_cost: 'decimal(10,2)',
    parts_cost: 'decimal(10,2)',
    line_total: 'decimal(12,2)',
    order_date: 'timestamp',
    order_year: 'int',
    customer_id: 'int',
    order_type: 'string',
    source_system: 'string',
    updated_at: 'timestamp',
  },
  sales_order_parts: {
    invoice_number: 'string',
    line_number: 'bigint',
    line_item_id: 'bigint',
    order_id: 'bigint',
    sku: 'string',
    quantity: 'int',
    unit_price: 'decimal(10,2)',
    line_total: 'decimal(12,2)',
    created_at: 'timestamp',
    updated_at: 'timestamp',
    source_system: 'string',
  },
};
