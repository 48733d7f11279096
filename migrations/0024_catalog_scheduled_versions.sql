ALTER TABLE "catalog"."versions" DROP CONSTRAINT "versions_state_check";--> statement-breakpoint
CREATE UNIQUE INDEX "versions_one_scheduled_key" ON "catalog"."versions" USING btree ("procedure_id") WHERE state = 'scheduled';--> statement-breakpoint
CREATE INDEX "versions_scheduled_idx" ON "catalog"."versions" USING btree ("effective_date") WHERE state = 'scheduled';--> statement-breakpoint
ALTER TABLE "catalog"."versions" ADD CONSTRAINT "versions_state_check" CHECK (state IN ('draft', 'submitted', 'changes_requested', 'scheduled', 'published', 'archived'));