/**
 * The TypeScript view of the curated tables (the output of the ten jobs of libs/etl-jobs): for each
 * column the kind of value the executors return for it (decimals, dates and timestamps as strings,
 * integers as numbers), and `| null` when the job allows NULL. `CuratedDb` is derived from this
 * constant, and test/curated-schema.test.ts proves the constant equals what `JOBS` defines, so the
 * types the named queries are checked against cannot drift from the jobs.
 */
export const CURATED_VALUE_KINDS = {
  auto_parts: {
    sku: 'string',
    description: 'string',
    category: 'string',
    manufacturer: 'string',
    price: 'string',
    stock_quantity: 'number',
    created_at: 'string',
    updated_at: 'string',
  },
  service: {
    serviceid: 'string',
    service: 'string',
    category: 'string',
    labor_minutes: 'number',
    labor_rate: 'string',
    labor_cost: 'string',
    created_at: 'string',
    updated_at: 'string',
  },
  service_parts: { serviceid: 'string', sku: 'string', quantity: 'number', created_at: 'string', updated_at: 'string' },
  customers: {
    customer_id: 'number',
    first_name: 'string',
    last_name: 'string',
    email: 'string',
    phone: 'string | null',
    address: 'string | null',
    city: 'string | null',
    state: 'string',
    zip_code: 'string | null',
    created_at: 'string',
    updated_at: 'string',
  },
  sales_order: {
    invoice_number: 'string',
    order_id: 'number | null',
    customer_id: 'number',
    order_date: 'string',
    order_year: 'number',
    payment_method: 'string | null',
    subtotal: 'string',
    tax: 'string',
    total_amount: 'string',
    order_type: 'string',
    status: 'string | null',
    notes: 'string | null',
    created_at: 'string | null',
    updated_at: 'string',
    source_system: 'string',
  },
  sales_order_parts: {
    invoice_number: 'string',
    line_number: 'number',
    line_item_id: 'number | null',
    order_id: 'number | null',
    sku: 'string',
    quantity: 'number',
    unit_price: 'string',
    line_total: 'string',
    created_at: 'string | null',
    updated_at: 'string',
    source_system: 'string',
  },
  sales_order_services: {
    invoice_number: 'string',
    line_number: 'number',
    line_item_id: 'number | null',
    order_id: 'number | null',
    serviceid: 'string',
    quantity: 'number',
    labor_minutes: 'number | null',
    labor_cost: 'string',
    parts_cost: 'string',
    line_total: 'string',
    created_at: 'string | null',
    updated_at: 'string',
    source_system: 'string',
  },
  sales_order_fact: {
    invoice_number: 'string',
    order_id: 'number | null',
    customer_id: 'number',
    customer_state: 'string | null',
    order_date: 'string',
    order_year: 'number',
    order_month: 'number',
    order_type: 'string',
    payment_method: 'string | null',
    status: 'string | null',
    part_lines: 'number',
    parts_quantity: 'number',
    parts_amount: 'string',
    service_lines: 'number',
    labor_amount: 'string',
    services_amount: 'string',
    subtotal: 'string',
    tax: 'string',
    total_amount: 'string',
    source_system: 'string',
    updated_at: 'string',
  },
  sales_order_line_items: {
    invoice_number: 'string',
    line_type: 'string',
    line_number: 'number',
    item_code: 'string',
    item_description: 'string | null',
    item_category: 'string | null',
    manufacturer: 'string | null',
    quantity: 'number',
    unit_price: 'string | null',
    labor_minutes: 'number | null',
    labor_cost: 'string | null',
    parts_cost: 'string | null',
    line_total: 'string',
    first_line_of_sku_in_invoice: 'number',
    order_date: 'string | null',
    order_year: 'number | null',
    customer_id: 'number | null',
    order_type: 'string | null',
    source_system: 'string',
    updated_at: 'string',
  },
  service_parts_catalog: {
    serviceid: 'string',
    sku: 'string',
    service: 'string',
    service_category: 'string',
    part_description: 'string',
    part_category: 'string',
    manufacturer: 'string',
    quantity: 'number',
    part_price: 'string',
    part_cost: 'string',
    labor_minutes: 'number',
    labor_cost: 'string',
    service_parts_cost: 'string',
    service_part_count: 'number',
    updated_at: 'string',
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, ValueKind>>>>;

/** How a column's values arrive in result rows. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'string | null' | 'number | null' | 'boolean | null';

type ValueOf<K> = K extends `${infer Base} | null`
  ? ValueOf<Base> | null
  : K extends 'string'
    ? string
    : K extends 'number'
      ? number
      : K extends 'boolean'
        ? boolean
        : never;

type Kinds = typeof CURATED_VALUE_KINDS;

/** The curated tables as TypeScript row types (the query builder's `DB`). */
export type CuratedDb = { -readonly [T in keyof Kinds]: { -readonly [C in keyof Kinds[T]]: ValueOf<Kinds[T][C]> } };

export type CuratedTableName = keyof CuratedDb & string;
