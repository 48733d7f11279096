CREATE SEQUENCE "core"."audit_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "core"."audit_chain" (
	"position" bigint PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"xid" "xid8",
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"chained_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."legal_texts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"number" text,
	"date" date,
	"title_fr" text NOT NULL,
	"title_ar" text NOT NULL,
	"title_en" text,
	"reference" text,
	"bulletin" text,
	"url" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_texts_kind_check" CHECK (kind IN ('dahir', 'law', 'decree', 'order', 'circular', 'other'))
);
--> statement-breakpoint
ALTER TABLE "core"."audit_log" ALTER COLUMN "seq" SET DEFAULT nextval('core.audit_seq');--> statement-breakpoint
ALTER TABLE "core"."audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."audit_log" ADD COLUMN "xid" "xid8" DEFAULT pg_current_xact_id();--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD COLUMN "fee_kind" text;--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD COLUMN "amount_max_centimes" integer;--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD COLUMN "rate_percent" double precision;--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD COLUMN "legal_text_id" uuid;--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD COLUMN "legal_article" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_seq_idx" ON "core"."audit_chain" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_texts_code_key" ON "catalog"."legal_texts" USING btree ("code");--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD CONSTRAINT "items_legal_text_id_legal_texts_id_fk" FOREIGN KEY ("legal_text_id") REFERENCES "catalog"."legal_texts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_xid_idx" ON "core"."audit_log" USING btree ("xid","seq");--> statement-breakpoint
CREATE INDEX "items_legal_text_idx" ON "catalog"."items" USING btree ("legal_text_id");--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD CONSTRAINT "items_fee_kind_check" CHECK (fee_kind IS NULL OR fee_kind IN ('fixed', 'free', 'rate', 'range', 'variable'));