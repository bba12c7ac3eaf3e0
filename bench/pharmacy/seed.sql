-- The pharmacy benchmark's data, set-based: :groups medical groups of :per_group institutions each (institution 0
-- of a group its tertiary lead, 1-3 secondary hospitals, the rest primary sites), in pharmacy's registry
-- projection as its Kafka consumers would have written it; one family-doctor team per institution and an active
-- contract for residents 0 .. :contracted - 1; each group's catalogue of :drugs drugs; each institution's
-- formulary. The drug and formulary shapes are lib/shape.js's, which k6 computes the same way:
--   drug i: code 'XC08CA' || i in 17 digits; generic i / 5, all tablets, so five products a generic:
--     i % 5 = 0 essential and volume-based (集采), 1 essential, 2 and 3 neither (each has the essential products
--     of its generic as alternatives), 4 neither and for secondary and tertiary institutions only;
--   a primary site stocks :primary_stock drugs, products 0-3 of consecutive generics from (n * 31) mod generics;
--   a hospital stocks :hospital_stock consecutive drugs from (n * 131) mod :drugs.
-- Ids are md5-derived (bench_uuid), so every run seeds the same ones. bench_scale and bench_institution are the
-- benchmark's own bookkeeping (the runner reads them). Needs bench/lab-sharing/functions.sql (bench_uuid,
-- bench_resident_id) first.
\set ON_ERROR_STOP on

CREATE TABLE bench_scale AS
SELECT :groups::int AS groups, :per_group::int AS per_group, :drugs::int AS drugs, :residents::int AS residents,
       :contracted::int AS contracted, :primary_stock::int AS primary_stock, :hospital_stock::int AS hospital_stock,
       now() AS seeded_at;

CREATE TABLE bench_institution AS
SELECT g * :per_group + k AS n, g, k, bench_uuid('bench-pharmacy-institution-' || (g * :per_group + k)) AS id,
       bench_uuid('bench-pharmacy-group-' || g) AS group_id,
       CASE WHEN k = 0 THEN 'tertiary' WHEN k <= 3 THEN 'secondary' ELSE 'primary' END AS level
  FROM generate_series(0, :groups - 1) AS g CROSS JOIN generate_series(0, :per_group - 1) AS k;
ALTER TABLE bench_institution ADD PRIMARY KEY (n);

INSERT INTO known_institution (id, group_id, level, version)
SELECT id, group_id, level, 1 FROM bench_institution;
INSERT INTO known_group (id, lead_institution_id, members, version)
SELECT group_id, min(id::text) FILTER (WHERE k = 0)::uuid,
       jsonb_agg(jsonb_build_object('institutionId', id::text, 'role', CASE WHEN k = 0 THEN 'lead' ELSE 'member' END)
                 ORDER BY k),
       1
  FROM bench_institution GROUP BY group_id;
INSERT INTO known_team (id, institution_id, group_id, version)
SELECT bench_uuid('bench-pharmacy-team-' || n), id, group_id, 1 FROM bench_institution;
INSERT INTO known_contract (id, resident_id_number, team_id, status, start_date, end_date, version)
SELECT bench_uuid('bench-pharmacy-contract-' || r), bench_resident_id(r),
       bench_uuid('bench-pharmacy-team-' || (r % (:groups * :per_group))), 'active',
       current_date - 365, current_date + 365, 1
  FROM generate_series(0, :contracted - 1) AS r;

INSERT INTO drug_catalogue (group_id, version, changed_at)
SELECT DISTINCT group_id, 1, now() - interval '1 day' FROM bench_institution;
INSERT INTO drug_catalogue_change (group_id, version, change, drug_count, effective_from, changed_by, changed_by_role, changed_at)
SELECT DISTINCT group_id, 1, 'loaded', :drugs, now() - interval '1 day', 'bench', 'group-admin', now() - interval '1 day'
  FROM bench_institution;
INSERT INTO drug_version (group_id, code, effective_from, recorded_at, withdrawn, generic_name, dosage_form, strength,
                          pack_size, unit, pack_unit, manufacturer, supplier, essential, volume_based, bid_price_fen,
                          unified_price_fen, list_price_fen, insurance_category, levels)
SELECT g.group_id, 'XC08CA' || lpad(i::text, 17, '0'), now() - interval '1 day', now() - interval '1 day', false,
       'bench generic ' || (i / 5), 'tablet', '5 mg', 28, 'tablet', 'box', 'Bench Pharma ' || (i % 5), 'Bench Supply',
       i % 5 IN (0, 1), i % 5 = 0, CASE WHEN i % 5 = 0 THEN 150 + i % 300 END,
       150 + (i % 5) * 400 + i % 300, 1200 + (i % 5) * 400 + i % 300, 'A',
       CASE WHEN i % 5 = 4 THEN ARRAY['secondary', 'tertiary'] ELSE ARRAY['primary', 'secondary', 'tertiary'] END
  FROM (SELECT DISTINCT group_id FROM bench_institution) g CROSS JOIN generate_series(0, :drugs - 1) AS i;

INSERT INTO formulary_item (institution_id, drug_code, stocked_at)
SELECT b.id, 'XC08CA' || lpad(
         (CASE WHEN b.level = 'primary'
               THEN 5 * ((b.n * 31 + s / 4) % (:drugs / 5)) + s % 4
               ELSE (b.n * 131 + s) % :drugs END)::text, 17, '0'), now() - interval '1 day'
  FROM bench_institution b
  CROSS JOIN LATERAL generate_series(0, CASE WHEN b.level = 'primary' THEN :primary_stock ELSE :hospital_stock END - 1) AS s;

VACUUM ANALYZE drug_catalogue, drug_version, formulary_item, known_institution, known_group, known_team, known_contract;
