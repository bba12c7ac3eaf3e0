-- The registry projection lab-sharing's look-ups read, as its Kafka consumers would have written it:
-- a city (the recognition region), its grid and one medical group of :institutions institutions (a
-- tertiary lead, secondary hospitals, then primary sites), every one a lead or member of the group.
-- Ids are md5-derived (bench_uuid), so every run seeds the same ones. bench_scale and bench_institution are the
-- benchmark's own bookkeeping (the runner's --reuse and write_plan read them).
-- psql variables: residents, per_resident, institutions.
\set ON_ERROR_STOP on

CREATE TABLE bench_scale AS
SELECT :residents::bigint AS residents, :per_resident::int AS per_resident, :institutions::int AS institutions,
       bench_uuid('bench-city') AS city_id, bench_uuid('bench-grid') AS grid_id, bench_uuid('bench-group') AS group_id,
       now() AS seeded_at;

-- Institution 0 leads the group (tertiary); 1-3 are secondary hospitals; the rest primary sites.
CREATE TABLE bench_institution AS
SELECT n, bench_uuid('bench-institution-' || n) AS id,
       CASE WHEN n = 0 THEN 'tertiary' WHEN n <= 3 THEN 'secondary' ELSE 'primary' END AS level,
       CASE WHEN n = 0 THEN 'general-hospital' WHEN n <= 3 THEN 'general-hospital'
            ELSE 'community-health-centre' END AS type
  FROM generate_series(0, :institutions - 1) AS n;
ALTER TABLE bench_institution ADD PRIMARY KEY (n);

INSERT INTO known_city (id, division_code, name)
SELECT city_id, '449900', 'Bench city' FROM bench_scale;
INSERT INTO known_grid (id, city_id) SELECT grid_id, city_id FROM bench_scale;
INSERT INTO known_group (id, lead_institution_id, members, version, grid_id)
SELECT s.group_id, (SELECT id FROM bench_institution WHERE n = 0),
       (SELECT jsonb_agg(jsonb_build_object('institutionId', i.id::text,
                                            'role', CASE WHEN i.n = 0 THEN 'lead' ELSE 'member' END) ORDER BY i.n)
          FROM bench_institution i),
       1, s.grid_id
  FROM bench_scale s;
INSERT INTO known_institution (id, group_id, level, version)
SELECT i.id, s.group_id, i.level, 1 FROM bench_institution i CROSS JOIN bench_scale s;

-- Columns later projections added, when this database has them.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns
              WHERE table_name = 'known_institution' AND column_name = 'type') THEN
    EXECUTE 'UPDATE known_institution k SET type = i.type FROM bench_institution i WHERE k.id = i.id';
  END IF;
END $$;
