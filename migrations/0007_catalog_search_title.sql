ALTER TABLE "catalog"."search_documents" ADD COLUMN "tsv_title" "tsvector" NOT NULL DEFAULT ''::tsvector;--> statement-breakpoint
-- Rows indexed before: tier on the head vector until the procedure is indexed again.
UPDATE "catalog"."search_documents" SET "tsv_title" = "tsv_head";--> statement-breakpoint
ALTER TABLE "catalog"."search_documents" ALTER COLUMN "tsv_title" DROP DEFAULT;
