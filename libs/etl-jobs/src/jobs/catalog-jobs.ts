import type { JobDefinition } from '../model/job-definition';
import {
  allowedValues,
  expressionRatio,
  inRange,
  isComplete,
  isUnique,
  matchesPattern,
  reconciles,
  references,
  rowExpression,
} from '../rules/rule-builders';
import { META_PASSTHROUGH, columnsLike, databaseSource, upsertTable } from './job-helpers';
import { PG_COLUMNS } from './source-columns';

/** The eleven categories of parts and services (libs/generator catalog). */
export const SERVICE_CATEGORIES = [
  'Engine & Powertrain',
  'Transmission & Drivetrain',
  'Tires & Wheels',
  'Brakes',
  'Cooling System',
  'Electrical System',
  'HVAC',
  'Suspension & Steering',
  'General Preventive Maintenance',
  'Exhaust & Emissions',
  'Fluids & Filters',
] as const;

const selectAll = (table: keyof typeof PG_COLUMNS, view: string) =>
  `SELECT ${PG_COLUMNS[table].map((c) => c.name).join(', ')},\n  ${META_PASSTHROUGH}\nFROM ${view}`;

export const AUTO_PARTS_JOB: JobDefinition = {
  name: 'auto_parts',
  layer: 'operational',
  description: 'The parts catalog from PostgreSQL (full load + CDC): one row per SKU.',
  sources: [databaseSource('auto_parts')],
  dependsOn: [],
  transformSql: selectAll('auto_parts', 'pg_auto_parts'),
  columns: columnsLike('auto_parts', {
    sku: [false, 'Stock-keeping unit, the record key'],
    description: [false, 'Part description'],
    category: [false, 'One of the eleven categories'],
    manufacturer: [false, 'Manufacturer name'],
    price: [false, 'List price in dollars'],
    stock_quantity: [false, 'Units in stock'],
    created_at: [false, 'Row creation time at the source'],
    updated_at: [false, 'Last change at the source; Hudi precombine field'],
  }),
  rules: [
    isComplete('sku', 'fail'),
    isComplete('description', 'warn'),
    inRange('price', { min: 0, exclusiveMin: true }, 'fail', { name: 'price_positive' }),
    inRange('stock_quantity', { min: 0 }, 'warn', { name: 'stock_quantity_non_negative' }),
    allowedValues('category', SERVICE_CATEGORIES, 'warn', { name: 'category_known' }),
    reconciles('fail'),
  ],
  hudi: upsertTable('auto_parts', ['sku'], 'updated_at'),
};

export const SERVICE_JOB: JobDefinition = {
  name: 'service',
  layer: 'operational',
  description: 'The service catalog from PostgreSQL (full load + CDC): labor operations in eleven categories.',
  sources: [databaseSource('service')],
  dependsOn: [],
  transformSql: selectAll('service', 'pg_service'),
  columns: columnsLike('service', {
    serviceid: [false, 'Service id, the record key'],
    service: [false, 'Service name'],
    category: [false, 'One of the eleven categories'],
    labor_minutes: [false, 'Standard duration'],
    labor_rate: [false, 'Hourly labor rate in dollars'],
    labor_cost: [false, 'labor_rate * labor_minutes / 60, to cents'],
    created_at: [false, 'Row creation time at the source'],
    updated_at: [false, 'Last change at the source; Hudi precombine field'],
  }),
  rules: [
    isComplete('serviceid', 'fail'),
    allowedValues('category', SERVICE_CATEGORIES, 'fail', { name: 'category_known' }),
    inRange('labor_minutes', { min: 0, exclusiveMin: true }, 'fail', { name: 'labor_minutes_positive' }),
    inRange('labor_rate', { min: 0, exclusiveMin: true }, 'fail', { name: 'labor_rate_positive' }),
    rowExpression(
      'labor_cost_matches_rate',
      'abs(labor_cost - labor_rate * labor_minutes / 60) <= 0.01',
      'warn',
      'labor_cost = labor_rate * labor_minutes / 60 (to the cent)',
    ),
    reconciles('fail'),
  ],
  hudi: upsertTable('service', ['serviceid'], 'updated_at'),
};

export const SERVICE_PARTS_JOB: JobDefinition = {
  name: 'service_parts',
  layer: 'operational',
  description: 'Which parts (and how many) each service needs, from PostgreSQL (full load + CDC).',
  sources: [databaseSource('service_parts')],
  dependsOn: ['auto_parts', 'service'],
  transformSql: selectAll('service_parts', 'pg_service_parts'),
  columns: columnsLike('service_parts', {
    serviceid: [false, 'Service id (record key, with sku)'],
    sku: [false, 'Part SKU (record key, with serviceid)'],
    quantity: [false, 'Units of the part the service needs'],
    created_at: [false, 'Row creation time at the source'],
    updated_at: [false, 'Last change at the source; Hudi precombine field'],
  }),
  rules: [
    references(['serviceid'], 'service', ['serviceid'], 'fail'),
    references(['sku'], 'auto_parts', ['sku'], 'fail'),
    inRange('quantity', { min: 0, exclusiveMin: true }, 'fail', { name: 'quantity_positive' }),
    reconciles('fail'),
  ],
  hudi: upsertTable('service_parts', ['serviceid', 'sku'], 'updated_at'),
};

/** The 50 states, DC, PR, GU, VI, AS, MP and the military codes AA, AE, AP. */
export const STATE_CODES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC',
  'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'PR', 'GU', 'VI', 'AS', 'MP', 'AA', 'AE', 'AP',
] as const;

export const CUSTOMERS_JOB: JobDefinition = {
  name: 'customers',
  layer: 'operational',
  description:
    'Customers from PostgreSQL (full load + CDC). The CSV export customers.csv is the population the PostgreSQL customers were sampled from; it is kept in the raw zone and not merged.',
  sources: [databaseSource('customers')],
  dependsOn: [],
  transformSql: selectAll('customers', 'pg_customers'),
  columns: columnsLike('customers', {
    customer_id: [false, 'Customer id, the record key'],
    first_name: [false, 'First name'],
    last_name: [false, 'Last name'],
    email: [false, 'Email, unique'],
    phone: [true, 'Phone number'],
    address: [true, 'Street address'],
    city: [true, 'City'],
    state: [false, 'Two-letter USPS code'],
    zip_code: [true, 'ZIP code'],
    created_at: [false, 'Row creation time at the source'],
    updated_at: [false, 'Last change at the source; Hudi precombine field'],
  }),
  rules: [
    isComplete('email', 'fail'),
    matchesPattern('email', '[^@ ]+@[^@ ]+[.][^@ ]+', 'warn', { name: 'email_format' }),
    allowedValues('state', STATE_CODES, 'fail', { name: 'state_code_known' }),
    matchesPattern('zip_code', '[0-9]{5}(-[0-9]{4})?', 'warn', { name: 'zip_code_format' }),
    isUnique(['email'], 'fail'),
    expressionRatio('phone_mostly_present', 'phone IS NOT NULL', 0.5, 'warn', 'at least half of the customers have a phone number'),
    reconciles('fail'),
  ],
  hudi: upsertTable('customers', ['customer_id'], 'updated_at'),
};
