ALTER TABLE "reserves"."imports" ADD COLUMN "acting_scopes" jsonb;--> statement-breakpoint
ALTER TABLE "reserves"."imports" ADD COLUMN "acting_org_ids" jsonb;