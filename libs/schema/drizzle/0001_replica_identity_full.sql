-- REPLICA IDENTITY FULL on every source table, for change data capture over pgoutput:
-- * a DELETE then carries the whole old row, not only the primary key;
-- * an UPDATE carries the old row too, and PostgreSQL puts unchanged TOASTed values in that
--   old tuple, so CDC can replace the "unchanged toast" placeholder of the new tuple.
ALTER TABLE "auto_parts" REPLICA IDENTITY FULL;
--> statement-breakpoint
ALTER TABLE "service" REPLICA IDENTITY FULL;
--> statement-breakpoint
ALTER TABLE "service_parts" REPLICA IDENTITY FULL;
--> statement-breakpoint
ALTER TABLE "customers" REPLICA IDENTITY FULL;
--> statement-breakpoint
ALTER TABLE "sales_order" REPLICA IDENTITY FULL;
--> statement-breakpoint
ALTER TABLE "sales_order_parts" REPLICA IDENTITY FULL;
--> statement-breakpoint
ALTER TABLE "sales_order_services" REPLICA IDENTITY FULL;
