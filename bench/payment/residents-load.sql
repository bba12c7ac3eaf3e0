-- One session's share of the city's residents :lo..:hi: their identity numbers (bench_resident, lab-sharing's
-- generator), each covered by the insurer from 2020 (a third urban employees, the rest urban and rural residents:
-- coverage_spell), and every tenth with an active family-doctor contract with the team of their group (resident n
-- belongs to group n mod groups; every thirtieth managed for diabetes), which the month's capitation counts, overall
-- and per disease. Chunks of 500,000, each committed.
\set ON_ERROR_STOP on
SET application_name = 'bench-payment-seed';
SET synchronous_commit = off;
CREATE TEMP TABLE load_args AS SELECT :lo::bigint AS lo, :hi::bigint AS hi, :session::int AS session;

DO $$
DECLARE
  a record;
  s record;
  chunk_lo bigint;
  chunk_hi bigint;
BEGIN
  SELECT * INTO a FROM load_args;
  SELECT * INTO s FROM bench_scale;
  chunk_lo := a.lo;
  WHILE chunk_lo <= a.hi LOOP
    chunk_hi := least(chunk_lo + 499999, a.hi);
    WITH r AS MATERIALIZED (
      SELECT n, bench_resident_id(n) AS rid FROM generate_series(chunk_lo, chunk_hi) AS n
    ), residents AS (
      INSERT INTO bench_resident (n, rid) SELECT n, rid FROM r
    ), coverage AS (
      INSERT INTO coverage_spell (resident_id, valid_from, valid_until, scheme)
      SELECT rid, date '2020-01-01', NULL,
             CASE WHEN n % 3 = 0 THEN 'urban-employee' ELSE 'urban-rural-resident' END
        FROM r
    ), contracts AS MATERIALIZED (
      SELECT gen_random_uuid() AS id, r.rid, g.team_id, r.n
        FROM r JOIN bench_group g ON g.g = r.n % s.groups
       WHERE r.n % 10 = 0
    ), view_contracts AS (
      INSERT INTO known_contract (id, resident_id_number, team_id, status, start_date, end_date, version)
      SELECT id, rid, team_id, 'active', date '2020-01-01', date '2099-12-31', 1 FROM contracts
    )
    INSERT INTO family_doctor_contract
      (id, resident_id_number, team_id, status, start_date, end_date, ended_on, diseases, version)
    SELECT id, rid, team_id, 'active', date '2020-01-01', date '2099-12-31', NULL,
           CASE WHEN n % 30 = 0 THEN ARRAY['diabetes'] ELSE ARRAY[]::text[] END, 1
      FROM contracts;
    COMMIT;
    RAISE NOTICE 'session %: residents % to % loaded', a.session, chunk_lo, chunk_hi;
    chunk_lo := chunk_hi + 1;
  END LOOP;
END $$;
