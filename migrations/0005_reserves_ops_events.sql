-- Real-time events of the reserves module: every movement, whoever posts it, is notified on the
-- channel `reserves_events` when its transaction commits (see src/modules/reserves/dispatch/events.ts).
-- The payload carries the region's path and the permissions that show it, for per-person filtering.
CREATE OR REPLACE FUNCTION reserves.notify_movement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('reserves_events', json_build_object(
    'kind', 'movement',
    'id', NEW.id,
    'type', NEW.type,
    'number', NEW.reference,
    'orgPath', (SELECT o.path FROM core.organisations o WHERE o.id = NEW.org_id),
    'perms', json_build_array('reserves.stock.read', 'reserves.movements.post', 'reserves.dispatch.manage'),
    'at', to_char(NEW.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER movements_notify AFTER INSERT ON reserves.movements
  FOR EACH ROW EXECUTE FUNCTION reserves.notify_movement();
