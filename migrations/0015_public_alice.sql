CREATE TABLE "reserves"."alert_acks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"alert_key" text NOT NULL,
	"org_id" uuid NOT NULL,
	"note" text,
	"acknowledged_by" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reserves"."equipment_units" (
	"lot_id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"hours" integer DEFAULT 0 NOT NULL,
	"hours_read_at" timestamp with time zone,
	"out_of_service" boolean DEFAULT false NOT NULL,
	"out_of_service_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_units_hours_ck" CHECK ("reserves"."equipment_units"."hours" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."maintenance_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_id" uuid,
	"title" text NOT NULL,
	"interval_days" integer,
	"interval_hours" integer,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maintenance_plans_interval_ck" CHECK (("reserves"."maintenance_plans"."interval_days" IS NOT NULL OR "reserves"."maintenance_plans"."interval_hours" IS NOT NULL) AND coalesce("reserves"."maintenance_plans"."interval_days", 1) > 0 AND coalesce("reserves"."maintenance_plans"."interval_hours", 1) > 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."work_order_parts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"work_order_id" uuid NOT NULL,
	"product_id" uuid,
	"lot_id" uuid,
	"description" text,
	"quantity" integer NOT NULL,
	"movement_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_order_parts_qty_ck" CHECK ("reserves"."work_order_parts"."quantity" > 0),
	CONSTRAINT "work_order_parts_what_ck" CHECK ("reserves"."work_order_parts"."product_id" IS NOT NULL OR "reserves"."work_order_parts"."description" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "reserves"."work_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"lot_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"plan_id" uuid,
	"warehouse_id" uuid NOT NULL,
	"platform_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"fault" text,
	"immobilising" boolean DEFAULT false NOT NULL,
	"assignee" text,
	"due_on" date,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by" uuid,
	"started_at" timestamp with time zone,
	"performed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"work_done" text,
	"hours_at" integer,
	"checklist" jsonb,
	"outcome" text,
	CONSTRAINT "work_orders_kind_ck" CHECK ("reserves"."work_orders"."kind" IN ('preventive', 'corrective')),
	CONSTRAINT "work_orders_status_ck" CHECK ("reserves"."work_orders"."status" IN ('open', 'in_progress', 'closed', 'cancelled')),
	CONSTRAINT "work_orders_priority_ck" CHECK ("reserves"."work_orders"."priority" IN ('low', 'normal', 'high', 'urgent')),
	CONSTRAINT "work_orders_hours_ck" CHECK ("reserves"."work_orders"."hours_at" IS NULL OR "reserves"."work_orders"."hours_at" >= 0),
	CONSTRAINT "work_orders_outcome_ck" CHECK ("reserves"."work_orders"."outcome" IS NULL OR "reserves"."work_orders"."outcome" IN ('ready', 'out_of_service'))
);
--> statement-breakpoint
ALTER TABLE "reserves"."alert_acks" ADD CONSTRAINT "alert_acks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."equipment_units" ADD CONSTRAINT "equipment_units_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "reserves"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."equipment_units" ADD CONSTRAINT "equipment_units_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."maintenance_plans" ADD CONSTRAINT "maintenance_plans_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."maintenance_plans" ADD CONSTRAINT "maintenance_plans_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "reserves"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."work_order_parts" ADD CONSTRAINT "work_order_parts_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "reserves"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."work_order_parts" ADD CONSTRAINT "work_order_parts_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."work_order_parts" ADD CONSTRAINT "work_order_parts_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "reserves"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."work_order_parts" ADD CONSTRAINT "work_order_parts_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "reserves"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."work_orders" ADD CONSTRAINT "work_orders_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "reserves"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."work_orders" ADD CONSTRAINT "work_orders_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."work_orders" ADD CONSTRAINT "work_orders_plan_id_maintenance_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "reserves"."maintenance_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."work_orders" ADD CONSTRAINT "work_orders_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "reserves"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."work_orders" ADD CONSTRAINT "work_orders_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "reserves"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."work_orders" ADD CONSTRAINT "work_orders_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_acks_key_uq" ON "reserves"."alert_acks" USING btree ("alert_key");--> statement-breakpoint
CREATE UNIQUE INDEX "maintenance_plans_code_uq" ON "reserves"."maintenance_plans" USING btree ("code");--> statement-breakpoint
CREATE INDEX "maintenance_plans_product_idx" ON "reserves"."maintenance_plans" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "maintenance_plans_lot_idx" ON "reserves"."maintenance_plans" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "work_order_parts_order_idx" ON "reserves"."work_order_parts" USING btree ("work_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_number_uq" ON "reserves"."work_orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "work_orders_lot_idx" ON "reserves"."work_orders" USING btree ("lot_id","status");--> statement-breakpoint
CREATE INDEX "work_orders_org_idx" ON "reserves"."work_orders" USING btree ("org_id","opened_at");--> statement-breakpoint
CREATE INDEX "work_orders_plan_done_idx" ON "reserves"."work_orders" USING btree ("lot_id","plan_id","performed_at") WHERE "reserves"."work_orders"."status" = 'closed' AND "reserves"."work_orders"."kind" = 'preventive';