-- The payment benchmark's city, as payment's Kafka consumers and the insurer's roll would have written it: one city
-- and grid, :groups medical groups of :per_group institutions each (a tertiary lead, four secondary hospitals, the
-- rest primary sites) in the registry's projection, one family-doctor team per group. bench_scale, bench_group and
-- bench_institution are the benchmark's own bookkeeping (the runner reads them for the plan). Ids are md5-derived
-- (bench_uuid), the same every run.
-- psql variables: residents, claims, groups, per_group, month (the month settled, YYYY-MM-01).
\set ON_ERROR_STOP on

CREATE TABLE bench_scale AS
SELECT :residents::bigint AS residents, :claims::bigint AS claims, :groups::int AS groups,
       :per_group::int AS per_group, :'month'::date AS month_from,
       bench_uuid('bench-payment-city') AS city_id, bench_uuid('bench-payment-grid') AS grid_id, now() AS seeded_at;

CREATE TABLE bench_group AS
SELECT g, bench_uuid('bench-payment-group-' || g) AS id, bench_uuid('bench-payment-team-' || g) AS team_id
  FROM generate_series(0, :groups - 1) AS g;
ALTER TABLE bench_group ADD PRIMARY KEY (g);

-- Institution i of group g is number g * per_group + i; 0 leads (tertiary), 1-4 are secondary, the rest primary.
CREATE TABLE bench_institution AS
SELECT g.g, i, g.g * :per_group + i AS n, bench_uuid('bench-payment-institution-' || g.g || '-' || i) AS id,
       g.id AS group_id,
       CASE WHEN i = 0 THEN 'tertiary' WHEN i <= 4 THEN 'secondary' ELSE 'primary' END AS level
  FROM bench_group g CROSS JOIN generate_series(0, :per_group - 1) AS i;
ALTER TABLE bench_institution ADD PRIMARY KEY (n);

INSERT INTO known_city (id, division_code, name) SELECT city_id, '449800', 'Payment bench city' FROM bench_scale;
INSERT INTO known_grid (id, city_id) SELECT grid_id, city_id FROM bench_scale;
INSERT INTO known_group (id, lead_institution_id, members, version, grid_id)
SELECT g.id, (SELECT id FROM bench_institution WHERE g = g.g AND i = 0),
       (SELECT jsonb_agg(jsonb_build_object('institutionId', i.id::text,
                                            'role', CASE WHEN i.i = 0 THEN 'lead' ELSE 'member' END) ORDER BY i.i)
          FROM bench_institution i WHERE i.g = g.g),
       1, s.grid_id
  FROM bench_group g CROSS JOIN bench_scale s;
INSERT INTO known_institution (id, group_id, level, version) SELECT id, group_id, level, 1 FROM bench_institution;
INSERT INTO known_team (id, institution_id, group_id, version)
SELECT g.team_id, i.id, g.id, 1 FROM bench_group g JOIN bench_institution i ON i.g = g.g AND i.i = 5;

-- Resident n's identity number (bench_resident_id, lab-sharing's generator), filled by residents-load.sql.
CREATE TABLE bench_resident (n bigint NOT NULL, rid text NOT NULL);
