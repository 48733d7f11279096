-- Live movement events no longer come from a per-row NOTIFY trigger: a transaction that notifies
-- takes a database-wide lock at commit, so every movement's commit waited for the others'. The
-- movement's outbox event (written in its transaction) is relayed to the channel
-- `reserves_events` after commit by the outbox worker (src/modules/reserves/dispatch/live-relay.ts).
DROP TRIGGER IF EXISTS movements_notify ON reserves.movements;
--> statement-breakpoint
DROP FUNCTION IF EXISTS reserves.notify_movement();
