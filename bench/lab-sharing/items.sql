-- The benchmark's item pool: the recognised items of the bench city's catalogue whose validity is at
-- most ten years (a blood group, valid for life, could not have an expired result), ordered by code.
-- bench_item_index(n, j, items) and lib/registry-shape.js index into it.
\set ON_ERROR_STOP on

CREATE TABLE bench_item AS
SELECT (row_number() OVER (ORDER BY c.code COLLATE "C") - 1)::int AS idx, c.code, c.kind, c.modality, c.data_class,
       c.validity_days
  FROM recognition_catalogue_item c JOIN bench_scale s ON c.region_id = s.city_id
 WHERE c.validity_days IS NOT NULL AND c.validity_days <= 3650;
ALTER TABLE bench_item ADD PRIMARY KEY (idx);

DO $$
BEGIN
  IF (SELECT count(*) FROM bench_item) < 24 THEN
    RAISE EXCEPTION 'the catalogue has % recognised items of at most ten years; the benchmark needs 24',
      (SELECT count(*) FROM bench_item);
  END IF;
END $$;
