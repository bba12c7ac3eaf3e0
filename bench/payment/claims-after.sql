-- After the bulk load: claim's and claim_version's keys and indexes as the migrations made them (from
-- bench_index_def; the foreign key last, NOT VALID then validated, as a table's foreign key is made on a full
-- table), then VACUUM (hint bits and the visibility map, so the run's first scan does not write the heap) and
-- ANALYZE.
\set ON_ERROR_STOP on
SET maintenance_work_mem = '1GB';
SET max_parallel_maintenance_workers = 2;

SELECT ddl FROM bench_index_def WHERE what <> 'foreign key' ORDER BY what, name \gexec
SELECT ddl || ' NOT VALID' FROM bench_index_def WHERE what = 'foreign key' \gexec
SELECT format('ALTER TABLE %s VALIDATE CONSTRAINT %I', tbl, name) FROM bench_index_def WHERE what = 'foreign key' \gexec
VACUUM (ANALYZE) claim;
VACUUM (ANALYZE) claim_version;
ANALYZE coverage_spell, known_contract, known_team, known_institution, known_group;
