-- The safety net of a movement's write (src/modules/reserves/ledger/post.ts), inside its one
-- statement: every balance the movement takes from was locked and checked before, so each
-- conditional decrement must have changed its row. If one did not, the statement fails here,
-- and nothing of it is kept — also when COMMIT was sent along with it (src/core/db/pipeline.ts).
CREATE OR REPLACE FUNCTION reserves.ledger_guard(ok boolean) RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT ok THEN
    RAISE EXCEPTION 'a balance taken from by a movement changed after it was locked'
      USING ERRCODE = 'RQ001', HINT = 'RESERVES_INSUFFICIENT_STOCK';
  END IF;
  RETURN 1;
END
$$;
