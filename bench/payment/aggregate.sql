-- The yardstick: the settlement run's aggregate (ClaimsToSettleTypeormRepository.figuresInForce) as one bare SQL
-- statement over a group's month, with the same session settings, and nothing else (no service, no domain, no
-- ledger, no writes). psql variables: group_id, month (YYYY-MM-01).
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL statement_timeout = '1h';
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT count(*) AS rows, sum(claims) AS claims FROM (
  SELECT institution_id, institution_level, encounter, disease_group, referred,
         count(*) AS claims, sum(fund) AS fund, sum(patient) AS patient, sum(waived) AS waived,
         sum(bed_days) AS bed_days, bit_xor(uuid_hash_extended(id, current_version)) AS checksum
    FROM claim
   WHERE group_id = :'group_id' AND service_date >= :'month'::date
     AND service_date < (:'month'::date + interval '1 month')::date
   GROUP BY institution_id, institution_level, encounter, disease_group, referred
   ORDER BY institution_id, institution_level, encounter, disease_group NULLS FIRST, referred
) figures;
COMMIT;
