-- Daily outflows per warehouse, product and day (src/modules/reserves/schema/dashboard.ts): kept by
-- one grouped upsert per INSERT statement on reserves.entries, in its transaction, so the dashboard
-- reads consumption rates without scanning the ledger. A dispatch adds what left; a reversal of a
-- dispatch takes it back. Rows are upserted in key order, so concurrent movements cannot deadlock on them.
CREATE OR REPLACE FUNCTION reserves.track_daily_outflows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO reserves.daily_outflows AS d (warehouse_id, day, product_id, quantity)
  SELECT n.warehouse_id, (n.occurred_at AT TIME ZONE 'Africa/Casablanca')::date, n.product_id, -sum(n.delta)
  FROM new_entries n
  WHERE n.type = 'dispatch'
     OR (n.type = 'reversal' AND EXISTS (SELECT 1 FROM reserves.movements m JOIN reserves.movements o ON o.id = m.related_id
                                         WHERE m.id = n.movement_id AND o.type = 'dispatch'))
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (warehouse_id, day, product_id) DO UPDATE SET quantity = d.quantity + EXCLUDED.quantity;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER entries_daily_outflows AFTER INSERT ON reserves.entries
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION reserves.track_daily_outflows();
--> statement-breakpoint
INSERT INTO reserves.daily_outflows (warehouse_id, day, product_id, quantity)
SELECT e.warehouse_id, (e.occurred_at AT TIME ZONE 'Africa/Casablanca')::date, e.product_id, -sum(e.delta)
FROM reserves.entries e
WHERE e.type = 'dispatch'
   OR (e.type = 'reversal' AND EXISTS (SELECT 1 FROM reserves.movements m JOIN reserves.movements o ON o.id = m.related_id
                                       WHERE m.id = e.movement_id AND o.type = 'dispatch'))
GROUP BY 1, 2, 3
ON CONFLICT (warehouse_id, day, product_id) DO UPDATE SET quantity = reserves.daily_outflows.quantity + EXCLUDED.quantity;
