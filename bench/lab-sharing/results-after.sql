-- After the bulk load: result_record's primary key and indexes as the migrations made them (from
-- bench_index_def), then VACUUM (the visibility map lets "already done?" stay an index-only scan)
-- and ANALYZE.
\set ON_ERROR_STOP on
SET maintenance_work_mem = '1GB';
SET max_parallel_maintenance_workers = 2;

SELECT ddl FROM bench_index_def ORDER BY what, name \gexec
VACUUM (ANALYZE) result_record;
ANALYZE recognition_catalogue_item, known_institution, known_group, known_grid, known_city, bench_item;
