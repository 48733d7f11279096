-- The change marker of the in-process search index (ADR 0017): every statement that writes the
-- tables the index holds moves one sequence, so an instance's look once a second is a single read
-- of it (and, when it moved within the last minute, an index lookup of the rows indexed since).
CREATE INDEX "search_documents_indexed_at_idx" ON "catalog"."search_documents" USING btree ("indexed_at");
--> statement-breakpoint
CREATE SEQUENCE catalog.search_change_seq;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalog.search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('catalog.search_change_seq');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER search_documents_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog.search_documents
  FOR EACH STATEMENT EXECUTE FUNCTION catalog.search_changed();
--> statement-breakpoint
CREATE TRIGGER search_terms_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog.search_terms
  FOR EACH STATEMENT EXECUTE FUNCTION catalog.search_changed();
--> statement-breakpoint
CREATE TRIGGER search_phrases_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog.search_phrases
  FOR EACH STATEMENT EXECUTE FUNCTION catalog.search_changed();
--> statement-breakpoint
CREATE TRIGGER synonyms_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog.synonyms
  FOR EACH STATEMENT EXECUTE FUNCTION catalog.search_changed();
