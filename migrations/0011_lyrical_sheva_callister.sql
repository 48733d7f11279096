CREATE TABLE "reserves"."supply_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reception_line_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"reason" text,
	"to_bin_id" uuid,
	"movement_id" uuid,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_actions_kind_ck" CHECK ("reserves"."supply_actions"."kind" IN ('qc', 'putaway'))
);
--> statement-breakpoint
CREATE TABLE "reserves"."supply_discrepancies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reception_id" uuid NOT NULL,
	"order_line_id" uuid,
	"kind" text NOT NULL,
	"product_code" text,
	"quantity" integer NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "supply_discrepancies_kind_ck" CHECK ("reserves"."supply_discrepancies"."kind" IN ('short', 'excess', 'damaged', 'wrong_product')),
	CONSTRAINT "supply_discrepancies_qty_ck" CHECK ("reserves"."supply_discrepancies"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."supply_order_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_mad" numeric(14, 2),
	"expected_on" date,
	"received" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "supply_order_lines_qty_ck" CHECK ("reserves"."supply_order_lines"."quantity" > 0),
	CONSTRAINT "supply_order_lines_received_ck" CHECK ("reserves"."supply_order_lines"."received" >= 0),
	CONSTRAINT "supply_order_lines_price_ck" CHECK ("reserves"."supply_order_lines"."unit_price_mad" IS NULL OR "reserves"."supply_order_lines"."unit_price_mad" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."supply_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"partner_id" uuid NOT NULL,
	"platform_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"expected_on" date,
	"tolerance_pct" integer DEFAULT 0 NOT NULL,
	"reference" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	CONSTRAINT "supply_orders_kind_ck" CHECK ("reserves"."supply_orders"."kind" IN ('purchase', 'donation')),
	CONSTRAINT "supply_orders_status_ck" CHECK ("reserves"."supply_orders"."status" IN ('draft', 'confirmed', 'partially_received', 'received', 'closed', 'cancelled')),
	CONSTRAINT "supply_orders_tolerance_ck" CHECK ("reserves"."supply_orders"."tolerance_pct" BETWEEN 0 AND 50)
);
--> statement-breakpoint
CREATE TABLE "reserves"."supply_partners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_ar" text,
	"ice" text,
	"contact_name" text,
	"email" text,
	"phone" text,
	"city" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_partners_kind_ck" CHECK ("reserves"."supply_partners"."kind" IN ('supplier', 'donor')),
	CONSTRAINT "supply_partners_ice_ck" CHECK ("reserves"."supply_partners"."ice" IS NULL OR "reserves"."supply_partners"."ice" ~ '^[0-9]{15}$')
);
--> statement-breakpoint
CREATE TABLE "reserves"."supply_reception_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reception_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"order_line_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"bin_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"put_away" integer DEFAULT 0 NOT NULL,
	"entry_id" bigint,
	CONSTRAINT "supply_reception_lines_qty_ck" CHECK ("reserves"."supply_reception_lines"."quantity" > 0),
	CONSTRAINT "supply_reception_lines_qc_ck" CHECK ("reserves"."supply_reception_lines"."accepted" >= 0 AND "reserves"."supply_reception_lines"."rejected" >= 0 AND "reserves"."supply_reception_lines"."accepted" + "reserves"."supply_reception_lines"."rejected" <= "reserves"."supply_reception_lines"."quantity"),
	CONSTRAINT "supply_reception_lines_putaway_ck" CHECK ("reserves"."supply_reception_lines"."put_away" >= 0 AND "reserves"."supply_reception_lines"."put_away" <= "reserves"."supply_reception_lines"."accepted")
);
--> statement-breakpoint
CREATE TABLE "reserves"."supply_receptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"order_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"delivery_note" text,
	"received_at" timestamp with time zone NOT NULL,
	"movement_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reserves"."supply_actions" ADD CONSTRAINT "supply_actions_reception_line_id_supply_reception_lines_id_fk" FOREIGN KEY ("reception_line_id") REFERENCES "reserves"."supply_reception_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_actions" ADD CONSTRAINT "supply_actions_to_bin_id_bins_id_fk" FOREIGN KEY ("to_bin_id") REFERENCES "reserves"."bins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_actions" ADD CONSTRAINT "supply_actions_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "reserves"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_discrepancies" ADD CONSTRAINT "supply_discrepancies_reception_id_supply_receptions_id_fk" FOREIGN KEY ("reception_id") REFERENCES "reserves"."supply_receptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_discrepancies" ADD CONSTRAINT "supply_discrepancies_order_line_id_supply_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "reserves"."supply_order_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_order_lines" ADD CONSTRAINT "supply_order_lines_order_id_supply_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "reserves"."supply_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_order_lines" ADD CONSTRAINT "supply_order_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_orders" ADD CONSTRAINT "supply_orders_partner_id_supply_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "reserves"."supply_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_orders" ADD CONSTRAINT "supply_orders_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "reserves"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_orders" ADD CONSTRAINT "supply_orders_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "reserves"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_orders" ADD CONSTRAINT "supply_orders_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_reception_lines" ADD CONSTRAINT "supply_reception_lines_reception_id_supply_receptions_id_fk" FOREIGN KEY ("reception_id") REFERENCES "reserves"."supply_receptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_reception_lines" ADD CONSTRAINT "supply_reception_lines_order_line_id_supply_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "reserves"."supply_order_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_reception_lines" ADD CONSTRAINT "supply_reception_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_reception_lines" ADD CONSTRAINT "supply_reception_lines_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "reserves"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_reception_lines" ADD CONSTRAINT "supply_reception_lines_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "reserves"."bins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_receptions" ADD CONSTRAINT "supply_receptions_order_id_supply_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "reserves"."supply_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_receptions" ADD CONSTRAINT "supply_receptions_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "reserves"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_receptions" ADD CONSTRAINT "supply_receptions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."supply_receptions" ADD CONSTRAINT "supply_receptions_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "reserves"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supply_actions_line_idx" ON "reserves"."supply_actions" USING btree ("reception_line_id");--> statement-breakpoint
CREATE INDEX "supply_discrepancies_reception_idx" ON "reserves"."supply_discrepancies" USING btree ("reception_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_order_lines_no_uq" ON "reserves"."supply_order_lines" USING btree ("order_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_orders_number_uq" ON "reserves"."supply_orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "supply_orders_org_idx" ON "reserves"."supply_orders" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "supply_orders_partner_idx" ON "reserves"."supply_orders" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_partners_code_uq" ON "reserves"."supply_partners" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_partners_ice_uq" ON "reserves"."supply_partners" USING btree ("ice");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_reception_lines_no_uq" ON "reserves"."supply_reception_lines" USING btree ("reception_id","line_no");--> statement-breakpoint
CREATE INDEX "supply_reception_lines_order_line_idx" ON "reserves"."supply_reception_lines" USING btree ("order_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_receptions_number_uq" ON "reserves"."supply_receptions" USING btree ("number");--> statement-breakpoint
CREATE INDEX "supply_receptions_order_idx" ON "reserves"."supply_receptions" USING btree ("order_id");