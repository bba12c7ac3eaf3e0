-- The lab-sharing benchmark's generators, in SQL, so the seed is set-based and pgbench asks for the
-- same patients and items as k6 (bench/lab-sharing/lib/plan.js computes the same values in JavaScript;
-- scripts/bench-lab-sharing.sh compares both on sample numbers before it seeds). Created in the benchmark's own
-- database only (medgrid_lab_sharing_bench), never in a service's.

-- The n-th synthetic resident's identity number (0 <= n < 87,572,340), as
-- bench/scheduling/lib/resident-id.js makes it: k = n * 7919 mod (29,220 days x 999 sequences x 3
-- regions); region 440112/440113/440114 by k / (29,220 x 999), birth 1940-01-01 + (k mod 29,220) days,
-- sequence 1 + (k / 29,220 mod 999); then the GB 11643-1999 check character of those 17 digits
-- (ISO 7064 MOD 11-2: digit i weighs 2^(18-i) mod 11, the sum mod 11 picks from '10X98765432').
-- PL/pgSQL with integer arithmetic: 3 million numbers take about half a minute here.
CREATE OR REPLACE FUNCTION bench_resident_id(n bigint) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  k bigint := n * 7919 % 87572340;
  birth date := date '1940-01-01' + (k % 29220)::int;
  x bigint := (440112 + k / 29220 / 999) * 100000000000
    + (extract(year FROM birth)::bigint * 10000 + extract(month FROM birth)::bigint * 100
       + extract(day FROM birth)::bigint) * 1000
    + 1 + k / 29220 % 999;
  rest bigint := x;
  weight int := 2; -- of the last of the 17 digits: 2^1 mod 11
  total int := 0;
BEGIN
  FOR i IN 1..17 LOOP
    total := total + (rest % 10)::int * weight;
    rest := rest / 10;
    weight := weight * 2 % 11;
  END LOOP;
  RETURN x::text || substr('10X98765432', 1 + total % 11, 1);
END
$$;

-- Which item (0-based index into the benchmark's pool of `items` items, ordered by code) the j-th
-- result (0 <= j < 12) of resident n is for: 12 distinct items floor(items / 12) apart, shifted per
-- resident. Result 0 is the one still valid; an item between two of them is one never done.
CREATE OR REPLACE FUNCTION bench_item_index(n bigint, j int, items int) RETURNS int
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ((n * 37 + j * (items / 12)) % items)::int
$$;

-- A UUID fixed by `seed` (md5 with the version 4 and RFC 4122 variant bits set), so every run seeds the same ids
-- and they pass the platform's UUID checks.
CREATE OR REPLACE FUNCTION bench_uuid(seed text) RETURNS uuid
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid FROM (SELECT md5(seed) AS h) s
$$;
