/** The reporting views created by the migrations (drizzle/0002_reporting_views.sql). */
export const REPORTING_VIEWS = ['v_sales_order_summary', 'v_order_totals_by_type', 'v_service_with_parts'] as const;

export type ReportingViewName = (typeof REPORTING_VIEWS)[number];

/** The columns of each reporting view, in order. */
export const REPORTING_VIEW_COLUMNS: Readonly<Record<ReportingViewName, readonly string[]>> = {
  v_sales_order_summary: [
    'order_id',
    'invoice_number',
    'order_date',
    'customer_id',
    'order_type',
    'subtotal',
    'tax',
    'total_amount',
    'payment_method',
    'status',
    'parts_line_items',
    'service_line_items',
  ],
  v_order_totals_by_type: ['order_type', 'order_count', 'revenue', 'avg_order_value'],
  v_service_with_parts: [
    'serviceid',
    'service',
    'category',
    'labor_minutes',
    'labor_cost',
    'parts_count',
    'total_parts_quantity',
    'parts_cost',
  ],
};
