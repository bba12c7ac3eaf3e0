-- Before the bulk load of claims: claim's and claim_version's primary keys, unique keys, foreign key and indexes
-- are noted (bench_index_def) and dropped, so the load writes only the heaps; claims-after.sql makes them again
-- exactly as the migrations defined them. Then bench_resident gets its key (the load looks residents up by n).
\set ON_ERROR_STOP on
ALTER TABLE bench_resident ADD PRIMARY KEY (n);
ANALYZE bench_resident, bench_institution, bench_group;

CREATE TABLE bench_index_def AS
SELECT c.conrelid::regclass::text AS tbl, c.conname AS name,
       CASE c.contype WHEN 'f' THEN 'foreign key' ELSE 'constraint' END AS what,
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS ddl
  FROM pg_constraint c
 WHERE c.conrelid IN ('claim'::regclass, 'claim_version'::regclass) AND c.contype IN ('p', 'u', 'f')
UNION ALL
SELECT i.tablename, i.indexname, 'index', i.indexdef
  FROM pg_indexes i
 WHERE i.tablename IN ('claim', 'claim_version') AND i.schemaname = current_schema()
   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);

DO $$
DECLARE
  d record;
BEGIN
  FOR d IN SELECT * FROM bench_index_def WHERE what = 'foreign key' LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', d.tbl, d.name);
  END LOOP;
  FOR d IN SELECT * FROM bench_index_def WHERE what = 'index' LOOP
    EXECUTE format('DROP INDEX %I', d.name);
  END LOOP;
  FOR d IN SELECT * FROM bench_index_def WHERE what = 'constraint' LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', d.tbl, d.name);
  END LOOP;
END $$;
