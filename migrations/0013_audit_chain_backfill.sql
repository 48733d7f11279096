-- The audit trail and its hash chain are append-only: the database refuses to change or remove an entry or a link.
CREATE OR REPLACE FUNCTION core.audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%.% is append-only (% refused)', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- ADR 0016: audit entries are written without the chain lock and linked into core.audit_chain
-- by the chainer. Entries written before this migration were chained when written: their links
-- move to core.audit_chain unchanged (position = seq; their xid is the one of the migration that
-- added the column, so the chainer's (xid, seq) cursor starts after them), and the sequence
-- continues after them.
SELECT setval('core.audit_seq', COALESCE((SELECT max(seq) FROM core.audit_log), 0) + 1, false);
--> statement-breakpoint
INSERT INTO core.audit_chain (position, seq, xid, prev_hash, hash, chained_at)
SELECT seq, seq, xid, prev_hash, hash, occurred_at FROM core.audit_log WHERE hash IS NOT NULL ORDER BY seq;
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_update_delete
  BEFORE UPDATE OR DELETE ON core.audit_chain
  FOR EACH ROW EXECUTE FUNCTION core.audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate
  BEFORE TRUNCATE ON core.audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION core.audit_log_refuse_change();
