-- Before the bulk load: result_record's indexes and primary key are noted (bench_index_def) and
-- dropped, so the load writes only the heap; results-after.sql makes them again exactly as the
-- migrations defined them.
\set ON_ERROR_STOP on

CREATE TABLE bench_index_def AS
SELECT c.conname AS name, 'constraint' AS what,
       format('ALTER TABLE result_record ADD CONSTRAINT %I %s', c.conname, pg_get_constraintdef(c.oid)) AS ddl
  FROM pg_constraint c
 WHERE c.conrelid = 'result_record'::regclass AND c.contype IN ('p', 'u')
UNION ALL
SELECT i.indexname, 'index', i.indexdef
  FROM pg_indexes i
 WHERE i.tablename = 'result_record' AND i.schemaname = current_schema()
   AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                    WHERE c.conrelid = 'result_record'::regclass AND c.conname = i.indexname);

DO $$
DECLARE
  d record;
BEGIN
  FOR d IN SELECT * FROM bench_index_def WHERE what = 'index' LOOP
    EXECUTE format('DROP INDEX %I', d.name);
  END LOOP;
  FOR d IN SELECT * FROM bench_index_def WHERE what = 'constraint' LOOP
    EXECUTE format('ALTER TABLE result_record DROP CONSTRAINT %I', d.name);
  END LOOP;
END $$;
