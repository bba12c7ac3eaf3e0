-- The starter recognition catalogue (lab-sharing's STARTER_CATALOGUE, passed by the runner as the
-- JSON array :'items') as the bench city's version 1: the catalogue, its items, and the 'loaded'
-- change that history keeps, as a load through the service would store them.
\set ON_ERROR_STOP on

CREATE TEMP TABLE starter AS SELECT :'items'::jsonb AS items;

INSERT INTO recognition_catalogue (region_id, version, changed_at)
SELECT city_id, 1, now() FROM bench_scale;

INSERT INTO recognition_catalogue_item (region_id, code, national_code, loinc, name, kind, modality, body_part,
                                        specimen, data_class, validity_days, scope, quality)
SELECT s.city_id, i->>'code', i->>'nationalCode', i->>'loinc', i->>'name', i->>'kind', i->>'modality',
       i->>'bodyPart', i->>'specimen', i->>'dataClass', (i#>>'{recognition,validityDays}')::int,
       i#>>'{recognition,scope}',
       CASE WHEN jsonb_typeof(i->'recognition') = 'object'
            THEN ARRAY(SELECT jsonb_array_elements_text(i#>'{recognition,quality}')) END
  FROM bench_scale s, starter, jsonb_array_elements(starter.items) AS i;

INSERT INTO recognition_catalogue_change (region_id, version, change, item_code, items, changed_by, changed_by_role,
                                          changed_at)
SELECT s.city_id, 1, 'loaded', NULL, starter.items, 'bench-already-done', 'city-operator', now()
  FROM bench_scale s, starter;
