CREATE TABLE "reserves"."daily_outflows" (
	"warehouse_id" uuid NOT NULL,
	"day" date NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" bigint NOT NULL,
	CONSTRAINT "daily_outflows_warehouse_id_day_product_id_pk" PRIMARY KEY("warehouse_id","day","product_id")
);
--> statement-breakpoint
CREATE INDEX "daily_outflows_day_idx" ON "reserves"."daily_outflows" USING btree ("day");