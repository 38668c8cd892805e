/** The seven operational jobs, one per source table, in dependency order. */
export const OPERATIONAL_JOB_NAMES = [
  'auto_parts',
  'service',
  'service_parts',
  'customers',
  'sales_order',
  'sales_order_parts',
  'sales_order_services',
] as const;

/** The three analytics jobs built from curated operational tables. */
export const ANALYTICS_JOB_NAMES = ['sales_order_fact', 'sales_order_line_items', 'service_parts_catalog'] as const;

export const JOB_NAMES = [...OPERATIONAL_JOB_NAMES, ...ANALYTICS_JOB_NAMES] as const;

export type OperationalJobName = (typeof OPERATIONAL_JOB_NAMES)[number];
export type AnalyticsJobName = (typeof ANALYTICS_JOB_NAMES)[number];
export type JobName = (typeof JOB_NAMES)[number];

export function isJobName(name: string): name is JobName {
  return (JOB_NAMES as readonly string[]).includes(name);
}
