CREATE SCHEMA "reserves";
--> statement-breakpoint
CREATE TABLE "reserves"."bins" (
	"id" uuid PRIMARY KEY NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"zone" text NOT NULL,
	"code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reserves"."kit_components" (
	"kit_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "kit_components_kit_id_component_id_pk" PRIMARY KEY("kit_id","component_id"),
	CONSTRAINT "kit_components_qty_ck" CHECK ("reserves"."kit_components"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."lots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"expires_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lots_kind_ck" CHECK ("reserves"."lots"."kind" IN ('none', 'lot', 'serial'))
);
--> statement-breakpoint
CREATE TABLE "reserves"."min_levels" (
	"platform_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"min_quantity" integer NOT NULL,
	CONSTRAINT "min_levels_platform_id_product_id_pk" PRIMARY KEY("platform_id","product_id"),
	CONSTRAINT "min_levels_qty_ck" CHECK ("reserves"."min_levels"."min_quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."platforms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"org_id" uuid NOT NULL,
	"name_fr" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text,
	"city" text NOT NULL,
	"area_m2" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reserves"."products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"category" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"pack_size" integer DEFAULT 1 NOT NULL,
	"gtin" text,
	"lot_tracked" boolean DEFAULT false NOT NULL,
	"expiry_tracked" boolean DEFAULT false NOT NULL,
	"serial_tracked" boolean DEFAULT false NOT NULL,
	"is_kit" boolean DEFAULT false NOT NULL,
	"household_ration" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_pack_size_ck" CHECK ("reserves"."products"."pack_size" > 0),
	CONSTRAINT "products_tracking_ck" CHECK (NOT ("reserves"."products"."serial_tracked" AND "reserves"."products"."lot_tracked")),
	CONSTRAINT "products_expiry_ck" CHECK (NOT "reserves"."products"."expiry_tracked" OR "reserves"."products"."lot_tracked")
);
--> statement-breakpoint
CREATE TABLE "reserves"."warehouses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"platform_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name_fr" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text,
	"area_m2" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reserves"."balances" (
	"warehouse_id" uuid NOT NULL,
	"bin_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"quantity" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "balances_warehouse_id_product_id_lot_id_bin_id_pk" PRIMARY KEY("warehouse_id","product_id","lot_id","bin_id"),
	CONSTRAINT "balances_quantity_ck" CHECK ("reserves"."balances"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reserves"."entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"movement_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"type" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"bin_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"delta" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entries_delta_ck" CHECK ("reserves"."entries"."delta" <> 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."entry_links" (
	"from_entry_id" bigint NOT NULL,
	"to_entry_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "entry_links_from_entry_id_to_entry_id_pk" PRIMARY KEY("from_entry_id","to_entry_id")
);
--> statement-breakpoint
CREATE TABLE "reserves"."movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"to_warehouse_id" uuid,
	"org_id" uuid NOT NULL,
	"reason" text,
	"reference" text,
	"related_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid
);
--> statement-breakpoint
CREATE TABLE "reserves"."transits" (
	"movement_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"from_warehouse_id" uuid NOT NULL,
	"to_warehouse_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"remaining" integer NOT NULL,
	"expected_at" timestamp with time zone,
	CONSTRAINT "transits_movement_id_product_id_lot_id_pk" PRIMARY KEY("movement_id","product_id","lot_id"),
	CONSTRAINT "transits_remaining_ck" CHECK ("reserves"."transits"."remaining" >= 0 AND "reserves"."transits"."remaining" <= "reserves"."transits"."quantity")
);
--> statement-breakpoint
ALTER TABLE "reserves"."bins" ADD CONSTRAINT "bins_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "reserves"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."kit_components" ADD CONSTRAINT "kit_components_kit_id_products_id_fk" FOREIGN KEY ("kit_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."kit_components" ADD CONSTRAINT "kit_components_component_id_products_id_fk" FOREIGN KEY ("component_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."lots" ADD CONSTRAINT "lots_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."min_levels" ADD CONSTRAINT "min_levels_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "reserves"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."min_levels" ADD CONSTRAINT "min_levels_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."platforms" ADD CONSTRAINT "platforms_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."warehouses" ADD CONSTRAINT "warehouses_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "reserves"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."warehouses" ADD CONSTRAINT "warehouses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."balances" ADD CONSTRAINT "balances_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "reserves"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."balances" ADD CONSTRAINT "balances_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "reserves"."bins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."balances" ADD CONSTRAINT "balances_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."balances" ADD CONSTRAINT "balances_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "reserves"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."entries" ADD CONSTRAINT "entries_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "reserves"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."movements" ADD CONSTRAINT "movements_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "reserves"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."movements" ADD CONSTRAINT "movements_to_warehouse_id_warehouses_id_fk" FOREIGN KEY ("to_warehouse_id") REFERENCES "reserves"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."movements" ADD CONSTRAINT "movements_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."movements" ADD CONSTRAINT "movements_related_id_movements_id_fk" FOREIGN KEY ("related_id") REFERENCES "reserves"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."transits" ADD CONSTRAINT "transits_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "reserves"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."transits" ADD CONSTRAINT "transits_to_warehouse_id_warehouses_id_fk" FOREIGN KEY ("to_warehouse_id") REFERENCES "reserves"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bins_warehouse_code_uq" ON "reserves"."bins" USING btree ("warehouse_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "lots_product_code_uq" ON "reserves"."lots" USING btree ("product_id","code");--> statement-breakpoint
CREATE INDEX "lots_code_idx" ON "reserves"."lots" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "platforms_code_uq" ON "reserves"."platforms" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "platforms_org_uq" ON "reserves"."platforms" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_code_uq" ON "reserves"."products" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "products_gtin_uq" ON "reserves"."products" USING btree ("gtin");--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "reserves"."products" USING btree ("category");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_code_uq" ON "reserves"."warehouses" USING btree ("code");--> statement-breakpoint
CREATE INDEX "warehouses_platform_idx" ON "reserves"."warehouses" USING btree ("platform_id");--> statement-breakpoint
CREATE INDEX "warehouses_org_idx" ON "reserves"."warehouses" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "balances_product_idx" ON "reserves"."balances" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "balances_lot_idx" ON "reserves"."balances" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "entries_movement_idx" ON "reserves"."entries" USING btree ("movement_id");--> statement-breakpoint
CREATE INDEX "entries_lot_idx" ON "reserves"."entries" USING btree ("lot_id","id");--> statement-breakpoint
CREATE INDEX "entries_key_idx" ON "reserves"."entries" USING btree ("warehouse_id","product_id","lot_id","bin_id");--> statement-breakpoint
CREATE INDEX "entry_links_to_idx" ON "reserves"."entry_links" USING btree ("to_entry_id");--> statement-breakpoint
CREATE INDEX "movements_org_recorded_idx" ON "reserves"."movements" USING btree ("org_id","recorded_at");--> statement-breakpoint
CREATE INDEX "movements_warehouse_idx" ON "reserves"."movements" USING btree ("warehouse_id","recorded_at");--> statement-breakpoint
CREATE INDEX "movements_related_idx" ON "reserves"."movements" USING btree ("related_id");--> statement-breakpoint
CREATE INDEX "transits_to_idx" ON "reserves"."transits" USING btree ("to_warehouse_id");