ALTER TABLE "core"."audit_log" DROP COLUMN "prev_hash";--> statement-breakpoint
ALTER TABLE "core"."audit_log" DROP COLUMN "hash";