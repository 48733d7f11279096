ALTER TABLE "catalog"."search_documents" ADD COLUMN "tsv_head" "tsvector" NOT NULL DEFAULT ''::tsvector;--> statement-breakpoint
-- Rows indexed before: rank on the whole vector until the procedure is indexed again.
UPDATE "catalog"."search_documents" SET "tsv_head" = "tsv";--> statement-breakpoint
ALTER TABLE "catalog"."search_documents" ALTER COLUMN "tsv_head" DROP DEFAULT;
