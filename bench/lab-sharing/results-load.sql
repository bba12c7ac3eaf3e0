-- One session's share of the result registry: residents :lo..:hi, :per_resident results each, in
-- chunks of 50,000 residents, each committed (progress on stderr as NOTICEs).
--
-- Result j of resident n (lib/registry-shape.js): item bench_item_index(n, j, items), performed at
-- institution (n + j) mod institutions of the group, in the bench city, by an accredited laboratory
-- that passed its quality control. Result 0 was performed 10 minutes to (validity - 2 hours) before
-- the seed, so it is still valid for about two hours after it; results 1.. were performed 1 to 2,190
-- days past their item's validity (up to six years further back), so they have expired. Laboratory
-- results carry one quantity observation, imaging results a DICOM study reference.
\set ON_ERROR_STOP on
SET application_name = 'bench-lab-sharing-seed';
SET synchronous_commit = off;

CREATE TEMP TABLE load_args AS SELECT :lo::bigint AS lo, :hi::bigint AS hi, :per_resident::int AS per_resident,
  :session::int AS session;

DO $$
DECLARE
  a record;
  s record;
  items int := (SELECT count(*) FROM bench_item);
  institutions int := (SELECT count(*) FROM bench_institution);
  chunk_lo bigint;
  chunk_hi bigint;
  started timestamptz := clock_timestamp();
BEGIN
  SELECT * INTO a FROM load_args;
  SELECT * INTO s FROM bench_scale;
  chunk_lo := a.lo;
  WHILE chunk_lo <= a.hi LOOP
    chunk_hi := least(chunk_lo + 49999, a.hi);
    INSERT INTO result_record (id, group_id, patient_resident_id, item_code, item_kind, order_id, report_id,
                               report_version, performer_institution_id, performer_group_id, performer_region_id,
                               performer_accredited, performer_quality_control_passed, performed_at, reported_at,
                               observations, conclusion, study, data_class, status, entered_in_error_reason, version)
    SELECT gen_random_uuid(), s.group_id, r.rid, i.code, i.kind, NULL, NULL,
           1, inst.id, s.group_id, s.city_id,
           true, true, p.at, p.at + interval '5 minutes',
           CASE WHEN i.kind = 'laboratory' THEN jsonb_build_array(jsonb_build_object(
                  'itemCode', i.code, 'nationalCode', NULL, 'loinc', NULL, 'name', i.code,
                  'value', jsonb_build_object('kind', 'quantity', 'value', 3 + (r.n + j) % 40 / 10.0, 'unit', 'mmol/L'),
                  'referenceRange', jsonb_build_object('low', 3.0, 'high', 7.0), 'flag', 'N'))
                ELSE '[]'::jsonb END,
           CASE WHEN i.kind = 'laboratory' THEN 'within the reference range' ELSE 'no abnormality detected' END,
           CASE WHEN i.kind = 'imaging' THEN jsonb_build_object(
                  'studyInstanceUid', '1.2.156.600734.' || r.n || '.' || j,
                  'accessionNumber', 'B' || r.n || '-' || j, 'modalities', jsonb_build_array(i.modality)) END,
           i.data_class, 'final', NULL, 1
      FROM (SELECT n, bench_resident_id(n) AS rid FROM generate_series(chunk_lo, chunk_hi) AS n) r
     CROSS JOIN generate_series(0, a.per_resident - 1) AS j
      JOIN bench_item i ON i.idx = bench_item_index(r.n, j, items)
      JOIN bench_institution inst ON inst.n = (r.n + j) % institutions
     CROSS JOIN LATERAL (
       SELECT CASE WHEN j = 0
                   THEN s.seeded_at - make_interval(mins => (10 + (r.n * 104729) % (i.validity_days * 1440 - 130))::int)
                   ELSE s.seeded_at - make_interval(days => (i.validity_days + 1 + (r.n * 31 + j * 977) % 2190)::int,
                                                    mins => (r.n % 1440)::int)
              END AS at) p;
    COMMIT;
    RAISE NOTICE 'session %: residents % to % loaded (% s)', a.session, chunk_lo, chunk_hi,
      round(extract(epoch FROM clock_timestamp() - started)::numeric, 1);
    chunk_lo := chunk_hi + 1;
  END LOOP;
END $$;
