CREATE TABLE "auto_parts" (
	"sku" varchar(50) PRIMARY KEY NOT NULL,
	"description" varchar(200) NOT NULL,
	"category" varchar(100) NOT NULL,
	"manufacturer" varchar(100) NOT NULL,
	"price" numeric(10, 2) NOT NULL,
	"stock_quantity" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (6) DEFAULT now() NOT NULL,
	"updated_at" timestamp (6) DEFAULT now() NOT NULL,
	CONSTRAINT "auto_parts_price_positive" CHECK ("auto_parts"."price" > 0),
	CONSTRAINT "auto_parts_stock_non_negative" CHECK ("auto_parts"."stock_quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"customer_id" integer PRIMARY KEY NOT NULL,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"email" varchar(200) NOT NULL,
	"phone" varchar(20),
	"address" varchar(300),
	"city" varchar(100),
	"state" varchar(2) NOT NULL,
	"zip_code" varchar(10),
	"created_at" timestamp (6) DEFAULT now() NOT NULL,
	"updated_at" timestamp (6) DEFAULT now() NOT NULL,
	CONSTRAINT "customers_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "sales_order" (
	"order_id" bigint PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"order_date" timestamp (6) NOT NULL,
	"invoice_number" varchar(50) NOT NULL,
	"payment_method" varchar(50) NOT NULL,
	"subtotal" numeric(12, 2) NOT NULL,
	"tax" numeric(12, 2) DEFAULT '0' NOT NULL,
	"total_amount" numeric(12, 2) NOT NULL,
	"order_type" varchar(20) NOT NULL,
	"status" varchar(50) DEFAULT 'Completed' NOT NULL,
	"notes" text,
	"created_at" timestamp (6) DEFAULT now() NOT NULL,
	"updated_at" timestamp (6) DEFAULT now() NOT NULL,
	CONSTRAINT "sales_order_invoice_number_unique" UNIQUE("invoice_number"),
	CONSTRAINT "sales_order_order_type_valid" CHECK ("sales_order"."order_type" IN ('Parts', 'Service', 'Mixed')),
	CONSTRAINT "sales_order_amounts_non_negative" CHECK ("sales_order"."subtotal" >= 0 AND "sales_order"."tax" >= 0 AND "sales_order"."total_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sales_order_parts" (
	"line_item_id" bigint PRIMARY KEY NOT NULL,
	"order_id" bigint NOT NULL,
	"sku" varchar(50) NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" numeric(10, 2) NOT NULL,
	"line_total" numeric(12, 2) NOT NULL,
	"created_at" timestamp (6) DEFAULT now() NOT NULL,
	CONSTRAINT "sales_order_parts_quantity_positive" CHECK ("sales_order_parts"."quantity" > 0),
	CONSTRAINT "sales_order_parts_unit_price_non_negative" CHECK ("sales_order_parts"."unit_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sales_order_services" (
	"line_item_id" bigint PRIMARY KEY NOT NULL,
	"order_id" bigint NOT NULL,
	"serviceid" varchar(50) NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"labor_minutes" integer NOT NULL,
	"labor_cost" numeric(10, 2) NOT NULL,
	"parts_cost" numeric(10, 2) DEFAULT '0' NOT NULL,
	"line_total" numeric(12, 2) NOT NULL,
	"created_at" timestamp (6) DEFAULT now() NOT NULL,
	CONSTRAINT "sales_order_services_quantity_positive" CHECK ("sales_order_services"."quantity" > 0),
	CONSTRAINT "sales_order_services_labor_minutes_positive" CHECK ("sales_order_services"."labor_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "service" (
	"serviceid" varchar(50) PRIMARY KEY NOT NULL,
	"service" varchar(200) NOT NULL,
	"category" varchar(100) NOT NULL,
	"labor_minutes" integer NOT NULL,
	"labor_rate" numeric(8, 2) NOT NULL,
	"labor_cost" numeric(10, 2) NOT NULL,
	"created_at" timestamp (6) DEFAULT now() NOT NULL,
	"updated_at" timestamp (6) DEFAULT now() NOT NULL,
	CONSTRAINT "service_labor_minutes_positive" CHECK ("service"."labor_minutes" > 0),
	CONSTRAINT "service_labor_rate_positive" CHECK ("service"."labor_rate" > 0),
	CONSTRAINT "service_labor_cost_non_negative" CHECK ("service"."labor_cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_parts" (
	"serviceid" varchar(50) NOT NULL,
	"sku" varchar(50) NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (6) DEFAULT now() NOT NULL,
	"updated_at" timestamp (6) DEFAULT now() NOT NULL,
	CONSTRAINT "service_parts_serviceid_sku_pk" PRIMARY KEY("serviceid","sku"),
	CONSTRAINT "service_parts_quantity_positive" CHECK ("service_parts"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_parts" ADD CONSTRAINT "sales_order_parts_order_id_sales_order_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."sales_order"("order_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_parts" ADD CONSTRAINT "sales_order_parts_sku_auto_parts_sku_fk" FOREIGN KEY ("sku") REFERENCES "public"."auto_parts"("sku") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_services" ADD CONSTRAINT "sales_order_services_order_id_sales_order_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."sales_order"("order_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_services" ADD CONSTRAINT "sales_order_services_serviceid_service_serviceid_fk" FOREIGN KEY ("serviceid") REFERENCES "public"."service"("serviceid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_parts" ADD CONSTRAINT "service_parts_serviceid_service_serviceid_fk" FOREIGN KEY ("serviceid") REFERENCES "public"."service"("serviceid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_parts" ADD CONSTRAINT "service_parts_sku_auto_parts_sku_fk" FOREIGN KEY ("sku") REFERENCES "public"."auto_parts"("sku") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sales_order_customer_idx" ON "sales_order" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "sales_order_order_date_idx" ON "sales_order" USING btree ("order_date");--> statement-breakpoint
CREATE INDEX "sales_order_parts_order_idx" ON "sales_order_parts" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "sales_order_parts_sku_idx" ON "sales_order_parts" USING btree ("sku");--> statement-breakpoint
CREATE INDEX "sales_order_services_order_idx" ON "sales_order_services" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "sales_order_services_serviceid_idx" ON "sales_order_services" USING btree ("serviceid");