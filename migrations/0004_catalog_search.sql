CREATE SCHEMA "catalog";
--> statement-breakpoint
CREATE TABLE "catalog"."items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"amount_centimes" integer,
	"data" jsonb NOT NULL,
	CONSTRAINT "items_kind_check" CHECK (kind IN ('document', 'fee', 'delay')),
	CONSTRAINT "items_amount_check" CHECK (amount_centimes IS NULL OR amount_centimes >= 0)
);
--> statement-breakpoint
CREATE TABLE "catalog"."procedures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"published_version_id" uuid,
	"published_at" timestamp with time zone,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"life_events" text[] DEFAULT '{}'::text[] NOT NULL,
	"related" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"procedure_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"base_version_id" uuid,
	"effective_date" date,
	"change_note" text,
	"author_id" uuid,
	"content" jsonb NOT NULL,
	"stale" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "versions_state_check" CHECK (state IN ('draft', 'submitted', 'changes_requested', 'published', 'archived')),
	CONSTRAINT "versions_number_check" CHECK (number >= 1)
);
--> statement-breakpoint
CREATE TABLE "catalog"."views_daily" (
	"procedure_id" uuid NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "views_daily_procedure_id_day_pk" PRIMARY KEY("procedure_id","day")
);
--> statement-breakpoint
CREATE TABLE "catalog"."feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"procedure_id" uuid NOT NULL,
	"version_id" uuid,
	"user_id" uuid,
	"useful" boolean,
	"rating" integer,
	"comment" text,
	"lang" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_rating_check" CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "catalog"."reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"procedure_id" uuid NOT NULL,
	"version_id" uuid,
	"item_id" uuid,
	"reporter_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_text" text,
	"document" text NOT NULL,
	"occurred_on" date NOT NULL,
	"comment" text,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_status_check" CHECK (status IN ('open', 'answered', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "catalog"."search_clicks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"query_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."search_documents" (
	"procedure_id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"owner_org_path" text NOT NULL,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"life_events" text[] DEFAULT '{}'::text[] NOT NULL,
	"title_fr" text NOT NULL,
	"title_ar" text NOT NULL,
	"title_en" text,
	"summary_fr" text NOT NULL,
	"summary_ar" text NOT NULL,
	"summary_en" text,
	"sort_fr" text NOT NULL,
	"sort_ar" text NOT NULL,
	"sort_en" text NOT NULL,
	"titles_folded" text NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."search_phrases" (
	"phrase" text PRIMARY KEY NOT NULL,
	"display" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."search_queries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"query_folded" text NOT NULL,
	"lang" text NOT NULL,
	"result_count" integer NOT NULL,
	"first_result" uuid,
	"took_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."search_terms" (
	"term" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."synonyms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lang" text NOT NULL,
	"term" text NOT NULL,
	"term_folded" text NOT NULL,
	"expansion" text NOT NULL,
	"expansion_folded" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reserves"."allocation_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"rule_version" text NOT NULL,
	"allow_preemption" boolean NOT NULL,
	"org_id" uuid NOT NULL,
	"inputs" jsonb NOT NULL,
	"inputs_hash" text NOT NULL,
	"result" jsonb NOT NULL,
	"result_hash" text NOT NULL,
	"request_count" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reserves"."crises" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"severity" integer NOT NULL,
	"people_affected" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"org_id" uuid NOT NULL,
	"declared_by" uuid NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crises_severity_ck" CHECK ("reserves"."crises"."severity" BETWEEN 1 AND 5),
	CONSTRAINT "crises_people_ck" CHECK ("reserves"."crises"."people_affected" >= 0),
	CONSTRAINT "crises_status_ck" CHECK ("reserves"."crises"."status" IN ('active', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "reserves"."crisis_areas" (
	"crisis_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"level" text NOT NULL,
	"province_id" uuid NOT NULL,
	CONSTRAINT "crisis_areas_crisis_id_org_id_pk" PRIMARY KEY("crisis_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "reserves"."need_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"crisis_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"commune_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"urgency" text NOT NULL,
	"people_affected" integer NOT NULL,
	"households" integer NOT NULL,
	"note" text,
	"filed_by" uuid NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_requests_status_ck" CHECK ("reserves"."need_requests"."status" IN ('open', 'closed', 'cancelled')),
	CONSTRAINT "need_requests_urgency_ck" CHECK ("reserves"."need_requests"."urgency" IN ('critical', 'high', 'medium', 'low')),
	CONSTRAINT "need_requests_counts_ck" CHECK ("reserves"."need_requests"."people_affected" >= 0 AND "reserves"."need_requests"."households" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."preemptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"from_request_id" uuid NOT NULL,
	"from_line_id" uuid NOT NULL,
	"to_request_id" uuid NOT NULL,
	"to_line_id" uuid NOT NULL,
	"platform_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reserves"."request_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid,
	"category" text,
	"quantity" integer NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"dispatched" integer DEFAULT 0 NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "request_lines_target_ck" CHECK (("reserves"."request_lines"."product_id" IS NULL) <> ("reserves"."request_lines"."category" IS NULL)),
	CONSTRAINT "request_lines_qty_ck" CHECK ("reserves"."request_lines"."quantity" > 0 AND "reserves"."request_lines"."households" >= 0 AND "reserves"."request_lines"."dispatched" >= 0 AND "reserves"."request_lines"."delivered" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."reservations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"request_line_id" uuid NOT NULL,
	"platform_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"run_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservations_qty_ck" CHECK ("reserves"."reservations"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."travel_times" (
	"platform_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"source" text DEFAULT 'estimate' NOT NULL,
	CONSTRAINT "travel_times_platform_id_province_id_pk" PRIMARY KEY("platform_id","province_id"),
	CONSTRAINT "travel_times_minutes_ck" CHECK ("reserves"."travel_times"."minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispatch_id" uuid NOT NULL,
	"received_by" text NOT NULL,
	"receiver_role" text,
	"received_at" timestamp with time zone NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reserves"."delivery_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"delivery_id" uuid NOT NULL,
	"dispatch_line_id" uuid NOT NULL,
	"received" integer NOT NULL,
	"damaged" integer DEFAULT 0 NOT NULL,
	"lost" integer DEFAULT 0 NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	"reason" text,
	"return_movement_id" uuid,
	CONSTRAINT "delivery_lines_qty_ck" CHECK ("reserves"."delivery_lines"."received" >= 0 AND "reserves"."delivery_lines"."damaged" >= 0 AND "reserves"."delivery_lines"."lost" >= 0 AND "reserves"."delivery_lines"."returned" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."dispatch_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispatch_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"request_line_id" uuid,
	"warehouse_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"movement_id" uuid NOT NULL,
	"entry_id" bigint,
	CONSTRAINT "dispatch_lines_qty_ck" CHECK ("reserves"."dispatch_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "reserves"."dispatches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"platform_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"crisis_id" uuid,
	"request_id" uuid,
	"destination_id" uuid NOT NULL,
	"vehicle" text NOT NULL,
	"driver" text NOT NULL,
	"driver_phone" text,
	"status" text DEFAULT 'in_transit' NOT NULL,
	"dispatched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expected_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispatches_status_ck" CHECK ("reserves"."dispatches"."status" IN ('in_transit', 'delivered'))
);
--> statement-breakpoint
CREATE TABLE "reserves"."distributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"delivery_line_id" uuid NOT NULL,
	"commune_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"households" integer NOT NULL,
	"distributed_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distributions_qty_ck" CHECK ("reserves"."distributions"."quantity" > 0 AND "reserves"."distributions"."households" >= 0)
);
--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD CONSTRAINT "items_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "catalog"."versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD CONSTRAINT "items_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "catalog"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."procedures" ADD CONSTRAINT "procedures_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."versions" ADD CONSTRAINT "versions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "catalog"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."views_daily" ADD CONSTRAINT "views_daily_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "catalog"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."feedback" ADD CONSTRAINT "feedback_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "catalog"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."feedback" ADD CONSTRAINT "feedback_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "catalog"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."feedback" ADD CONSTRAINT "feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "core"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."reports" ADD CONSTRAINT "reports_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "catalog"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."reports" ADD CONSTRAINT "reports_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "catalog"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."reports" ADD CONSTRAINT "reports_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "catalog"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."reports" ADD CONSTRAINT "reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "core"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."reports" ADD CONSTRAINT "reports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."reports" ADD CONSTRAINT "reports_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "core"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."search_clicks" ADD CONSTRAINT "search_clicks_query_id_search_queries_id_fk" FOREIGN KEY ("query_id") REFERENCES "catalog"."search_queries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."allocation_runs" ADD CONSTRAINT "allocation_runs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."crises" ADD CONSTRAINT "crises_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."crisis_areas" ADD CONSTRAINT "crisis_areas_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "reserves"."crises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."crisis_areas" ADD CONSTRAINT "crisis_areas_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."crisis_areas" ADD CONSTRAINT "crisis_areas_province_id_organisations_id_fk" FOREIGN KEY ("province_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."need_requests" ADD CONSTRAINT "need_requests_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "reserves"."crises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."need_requests" ADD CONSTRAINT "need_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."need_requests" ADD CONSTRAINT "need_requests_commune_id_organisations_id_fk" FOREIGN KEY ("commune_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."preemptions" ADD CONSTRAINT "preemptions_run_id_allocation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "reserves"."allocation_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."preemptions" ADD CONSTRAINT "preemptions_from_request_id_need_requests_id_fk" FOREIGN KEY ("from_request_id") REFERENCES "reserves"."need_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."preemptions" ADD CONSTRAINT "preemptions_to_request_id_need_requests_id_fk" FOREIGN KEY ("to_request_id") REFERENCES "reserves"."need_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."request_lines" ADD CONSTRAINT "request_lines_request_id_need_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "reserves"."need_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."request_lines" ADD CONSTRAINT "request_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."reservations" ADD CONSTRAINT "reservations_request_id_need_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "reserves"."need_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."reservations" ADD CONSTRAINT "reservations_request_line_id_request_lines_id_fk" FOREIGN KEY ("request_line_id") REFERENCES "reserves"."request_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."reservations" ADD CONSTRAINT "reservations_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "reserves"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."reservations" ADD CONSTRAINT "reservations_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."reservations" ADD CONSTRAINT "reservations_run_id_allocation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "reserves"."allocation_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."travel_times" ADD CONSTRAINT "travel_times_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "reserves"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."travel_times" ADD CONSTRAINT "travel_times_province_id_organisations_id_fk" FOREIGN KEY ("province_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."deliveries" ADD CONSTRAINT "deliveries_dispatch_id_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "reserves"."dispatches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."delivery_lines" ADD CONSTRAINT "delivery_lines_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "reserves"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."delivery_lines" ADD CONSTRAINT "delivery_lines_dispatch_line_id_dispatch_lines_id_fk" FOREIGN KEY ("dispatch_line_id") REFERENCES "reserves"."dispatch_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."delivery_lines" ADD CONSTRAINT "delivery_lines_return_movement_id_movements_id_fk" FOREIGN KEY ("return_movement_id") REFERENCES "reserves"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."dispatch_lines" ADD CONSTRAINT "dispatch_lines_dispatch_id_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "reserves"."dispatches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."dispatch_lines" ADD CONSTRAINT "dispatch_lines_request_line_id_request_lines_id_fk" FOREIGN KEY ("request_line_id") REFERENCES "reserves"."request_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."dispatch_lines" ADD CONSTRAINT "dispatch_lines_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "reserves"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."dispatch_lines" ADD CONSTRAINT "dispatch_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "reserves"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."dispatch_lines" ADD CONSTRAINT "dispatch_lines_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "reserves"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."dispatch_lines" ADD CONSTRAINT "dispatch_lines_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "reserves"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."dispatches" ADD CONSTRAINT "dispatches_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "reserves"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."dispatches" ADD CONSTRAINT "dispatches_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."dispatches" ADD CONSTRAINT "dispatches_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "reserves"."crises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."dispatches" ADD CONSTRAINT "dispatches_request_id_need_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "reserves"."need_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."dispatches" ADD CONSTRAINT "dispatches_destination_id_organisations_id_fk" FOREIGN KEY ("destination_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."distributions" ADD CONSTRAINT "distributions_delivery_line_id_delivery_lines_id_fk" FOREIGN KEY ("delivery_line_id") REFERENCES "reserves"."delivery_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserves"."distributions" ADD CONSTRAINT "distributions_commune_id_organisations_id_fk" FOREIGN KEY ("commune_id") REFERENCES "core"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "items_version_kind_key" ON "catalog"."items" USING btree ("version_id","kind","key");--> statement-breakpoint
CREATE INDEX "items_procedure_key_idx" ON "catalog"."items" USING btree ("procedure_id","kind","key");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_slug_key" ON "catalog"."procedures" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "procedures_owner_idx" ON "catalog"."procedures" USING btree ("owner_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "versions_procedure_number_key" ON "catalog"."versions" USING btree ("procedure_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "versions_one_open_key" ON "catalog"."versions" USING btree ("procedure_id") WHERE state IN ('draft', 'submitted', 'changes_requested');--> statement-breakpoint
CREATE UNIQUE INDEX "versions_one_published_key" ON "catalog"."versions" USING btree ("procedure_id") WHERE state = 'published';--> statement-breakpoint
CREATE INDEX "feedback_procedure_idx" ON "catalog"."feedback" USING btree ("procedure_id","created_at");--> statement-breakpoint
CREATE INDEX "reports_org_idx" ON "catalog"."reports" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "reports_reporter_idx" ON "catalog"."reports" USING btree ("reporter_id","created_at");--> statement-breakpoint
CREATE INDEX "reports_procedure_idx" ON "catalog"."reports" USING btree ("procedure_id");--> statement-breakpoint
CREATE INDEX "search_clicks_query_idx" ON "catalog"."search_clicks" USING btree ("query_id");--> statement-breakpoint
CREATE UNIQUE INDEX "search_documents_slug_idx" ON "catalog"."search_documents" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "catalog"."search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_categories_idx" ON "catalog"."search_documents" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "search_documents_audiences_idx" ON "catalog"."search_documents" USING gin ("audiences");--> statement-breakpoint
CREATE INDEX "search_documents_sort_fr_idx" ON "catalog"."search_documents" USING btree ("sort_fr");--> statement-breakpoint
CREATE INDEX "search_documents_sort_ar_idx" ON "catalog"."search_documents" USING btree ("sort_ar");--> statement-breakpoint
CREATE INDEX "search_documents_sort_en_idx" ON "catalog"."search_documents" USING btree ("sort_en");--> statement-breakpoint
CREATE INDEX "search_phrases_trgm_idx" ON "catalog"."search_phrases" USING gist ("phrase" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_queries_lang_created_idx" ON "catalog"."search_queries" USING btree ("lang","created_at");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "catalog"."search_terms" USING gist ("term" gist_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "synonyms_term_expansion_idx" ON "catalog"."synonyms" USING btree ("lang","term_folded","expansion_folded");--> statement-breakpoint
CREATE INDEX "synonyms_term_idx" ON "catalog"."synonyms" USING btree ("term_folded");--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_runs_number_uq" ON "reserves"."allocation_runs" USING btree ("number");--> statement-breakpoint
CREATE INDEX "allocation_runs_created_idx" ON "reserves"."allocation_runs" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "crises_number_uq" ON "reserves"."crises" USING btree ("number");--> statement-breakpoint
CREATE INDEX "crises_status_idx" ON "reserves"."crises" USING btree ("status","declared_at");--> statement-breakpoint
CREATE INDEX "crisis_areas_org_idx" ON "reserves"."crisis_areas" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "need_requests_number_uq" ON "reserves"."need_requests" USING btree ("number");--> statement-breakpoint
CREATE INDEX "need_requests_crisis_idx" ON "reserves"."need_requests" USING btree ("crisis_id","status");--> statement-breakpoint
CREATE INDEX "need_requests_org_idx" ON "reserves"."need_requests" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "preemptions_run_idx" ON "reserves"."preemptions" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "preemptions_from_idx" ON "reserves"."preemptions" USING btree ("from_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_lines_request_line_uq" ON "reserves"."request_lines" USING btree ("request_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_line_platform_product_uq" ON "reserves"."reservations" USING btree ("request_line_id","platform_id","product_id");--> statement-breakpoint
CREATE INDEX "reservations_platform_product_idx" ON "reserves"."reservations" USING btree ("platform_id","product_id");--> statement-breakpoint
CREATE INDEX "travel_times_province_idx" ON "reserves"."travel_times" USING btree ("province_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_dispatch_uq" ON "reserves"."deliveries" USING btree ("dispatch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_lines_dispatch_line_uq" ON "reserves"."delivery_lines" USING btree ("dispatch_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_lines_dispatch_line_uq" ON "reserves"."dispatch_lines" USING btree ("dispatch_id","line_no");--> statement-breakpoint
CREATE INDEX "dispatch_lines_lot_idx" ON "reserves"."dispatch_lines" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "dispatch_lines_entry_idx" ON "reserves"."dispatch_lines" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "dispatch_lines_request_line_idx" ON "reserves"."dispatch_lines" USING btree ("request_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatches_number_uq" ON "reserves"."dispatches" USING btree ("number");--> statement-breakpoint
CREATE INDEX "dispatches_org_idx" ON "reserves"."dispatches" USING btree ("org_id","dispatched_at");--> statement-breakpoint
CREATE INDEX "dispatches_request_idx" ON "reserves"."dispatches" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "dispatches_destination_idx" ON "reserves"."dispatches" USING btree ("destination_id");--> statement-breakpoint
CREATE INDEX "distributions_line_idx" ON "reserves"."distributions" USING btree ("delivery_line_id");--> statement-breakpoint
CREATE INDEX "distributions_lot_idx" ON "reserves"."distributions" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "distributions_commune_idx" ON "reserves"."distributions" USING btree ("commune_id");