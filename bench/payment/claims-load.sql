-- One session's share of the month's claims :lo..:hi (claim k), in chunks of 1,000,000, each committed. Claim k is
-- resident n = k mod residents' (of group n mod groups); 4 in 100 are inpatient stays of 2-15 days at the group's
-- hospitals (institutions 0-4) with one of eight disease groups (Z99 is in no fund's table: paid fee-for-service),
-- the visits 7 in 10 at its primary sites, a fifth of them for diabetes (E11); 1 in 9 referred. Amounts: a visit
-- ¥30-500, a stay ¥3,000-23,000, the fund paying 70% (rounded down) and the patient the rest. The service date is
-- spread over the month. A claim is compact: one version, its figures in columns; the version's submission and
-- adjudication documents are empty ({}), since neither the run nor intake reads a seeded claim's documents and
-- 100 million of them (about 600 bytes a claim) would not fit this disk.
\set ON_ERROR_STOP on
SET application_name = 'bench-payment-seed';
SET synchronous_commit = off;
CREATE TEMP TABLE load_args AS SELECT :lo::bigint AS lo, :hi::bigint AS hi, :session::int AS session;

DO $$
DECLARE
  a record;
  s record;
  days int;
  chunk_lo bigint;
  chunk_hi bigint;
  started timestamptz := clock_timestamp();
BEGIN
  SELECT * INTO a FROM load_args;
  SELECT * INTO s FROM bench_scale;
  days := ((s.month_from + interval '1 month')::date - s.month_from);
  chunk_lo := a.lo;
  WHILE chunk_lo <= a.hi LOOP
    chunk_hi := least(chunk_lo + 999999, a.hi);
    WITH k AS (
      SELECT k, k % s.residents AS n, (k * 2654435761) % 4294967296 AS h
        FROM generate_series(chunk_lo, chunk_hi) AS k
    ), shaped AS (
      SELECT k.k, k.n, k.h, (k.h % 100 < 4) AS inpatient,
             CASE WHEN k.h % 100 < 4 THEN (k.h / 100) % 5
                  WHEN k.h % 10 < 7 THEN 5 + (k.h / 100) % (s.per_group - 5)
                  ELSE (k.h / 100) % 5 END AS i
        FROM k
    ), src AS MATERIALIZED (
      SELECT gen_random_uuid() AS id, 'B' || x.k AS claim_number, r.rid, inst.id AS institution_id,
             inst.group_id, inst.level, x.inpatient,
             CASE WHEN x.inpatient THEN (ARRAY['I63','E11','J18','K35','I21','I50','J44','Z99'])[1 + (x.h / 7) % 8]
                  WHEN x.h % 5 = 0 THEN 'E11' END AS disease_group,
             x.h % 9 = 0 AS referred,
             CASE WHEN x.inpatient THEN 2 + (x.h / 13) % 14 ELSE 0 END AS bed_days,
             CASE WHEN x.inpatient THEN 300000 + (x.h / 17) % 2000000 ELSE 3000 + (x.h / 17) % 47000 END AS total,
             s.month_from + ((x.h / 19) % days)::int AS service_date,
             CASE WHEN x.n % 3 = 0 THEN 'urban-employee' ELSE 'urban-rural-resident' END AS scheme
        FROM shaped x
        JOIN bench_resident r ON r.n = x.n
        JOIN bench_institution inst ON inst.n = (x.n % s.groups) * s.per_group + x.i
    ), claims AS (
      INSERT INTO claim (id, institution_id, group_id, region_id, claim_number, resident_id, current_version,
                         received_at, service_date, institution_level, encounter, disease_group, referred, bed_days,
                         fund, patient, waived)
      SELECT id, institution_id, group_id, s.city_id, claim_number, rid, 1, service_date + interval '20 hours',
             service_date, level, CASE WHEN inpatient THEN 'inpatient' ELSE 'outpatient' END, disease_group,
             referred, bed_days, total * 7 / 10, total - total * 7 / 10, 0
        FROM src
    )
    INSERT INTO claim_version (claim_id, version, submission, institution_level, service_date, encounter, scheme,
                               correction_reason, received_at, adjudication, total, waived, deductible, fund, patient)
    SELECT id, 1, '{}'::jsonb, level, service_date, CASE WHEN inpatient THEN 'inpatient' ELSE 'outpatient' END,
           scheme, NULL, service_date + interval '20 hours', '{}'::jsonb, total, 0, 0, total * 7 / 10,
           total - total * 7 / 10
      FROM src;
    COMMIT;
    RAISE NOTICE 'session %: claims % to % loaded (% s)', a.session, chunk_lo, chunk_hi,
      round(extract(epoch FROM clock_timestamp() - started)::numeric, 1);
    chunk_lo := chunk_hi + 1;
  END LOOP;
END $$;
