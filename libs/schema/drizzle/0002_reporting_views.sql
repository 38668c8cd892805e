-- Reporting views over the source tables. Counts are cast to integer so that clients get numbers.

-- One row per order: the header plus how many parts lines and service lines it has.
CREATE VIEW "v_sales_order_summary" AS
SELECT
  so."order_id",
  so."invoice_number",
  so."order_date",
  so."customer_id",
  so."order_type",
  so."subtotal",
  so."tax",
  so."total_amount",
  so."payment_method",
  so."status",
  COALESCE(p."line_items", 0)::integer AS "parts_line_items",
  COALESCE(s."line_items", 0)::integer AS "service_line_items"
FROM "sales_order" so
LEFT JOIN (
  SELECT "order_id", count(*) AS "line_items" FROM "sales_order_parts" GROUP BY "order_id"
) p ON p."order_id" = so."order_id"
LEFT JOIN (
  SELECT "order_id", count(*) AS "line_items" FROM "sales_order_services" GROUP BY "order_id"
) s ON s."order_id" = so."order_id";
--> statement-breakpoint

-- Orders, revenue and average order value per order type (Parts, Service, Mixed).
CREATE VIEW "v_order_totals_by_type" AS
SELECT
  so."order_type",
  count(*)::integer AS "order_count",
  sum(so."total_amount")::numeric(14, 2) AS "revenue",
  round(avg(so."total_amount"), 2)::numeric(12, 2) AS "avg_order_value"
FROM "sales_order" so
GROUP BY so."order_type";
--> statement-breakpoint

-- Each service with the parts it needs: how many distinct parts, how many units, and their cost
-- at current catalog prices.
CREATE VIEW "v_service_with_parts" AS
SELECT
  s."serviceid",
  s."service",
  s."category",
  s."labor_minutes",
  s."labor_cost",
  count(sp."sku")::integer AS "parts_count",
  COALESCE(sum(sp."quantity"), 0)::integer AS "total_parts_quantity",
  COALESCE(sum(sp."quantity" * ap."price"), 0)::numeric(12, 2) AS "parts_cost"
FROM "service" s
LEFT JOIN "service_parts" sp ON sp."serviceid" = s."serviceid"
LEFT JOIN "auto_parts" ap ON ap."sku" = sp."sku"
GROUP BY s."serviceid";
