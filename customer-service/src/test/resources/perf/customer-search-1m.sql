-- Customer search at scale: generates 1,000,000 customers (Chinese names, phones, tags, grades, org
-- units) in the service's schema and prints the plans of the search shapes CustomerSearch issues.
-- Run against a scratch database migrated by the service (e.g. by SearchPlansIT with
-- -Dperf.customer-search=true, or psql -f after ./platform up against a copy). Takes a few minutes on 2 cores.
INSERT INTO customer (id, type, name, name_key, status, org_unit, salesperson, tags, search_phones, grade, tier,
                      lifecycle_stage, created_at, updated_at)
SELECT md5(g::text),
       'COMPANY',
       n.name,
       customer_search_key(n.name),
       'ACTIVE',
       'PERF-B-' || (g % 50),
       'perf-s-' || (g % 2000),
       ARRAY['perf-tag-' || (g % 100)],
       (13000000000 + g)::text,
       (ARRAY['A','B','C','D'])[1 + g % 4],
       (ARRAY['NONE','SILVER','GOLD','DIAMOND'])[1 + g % 4],
       (ARRAY['PROSPECT','NEW','ACTIVE','AT_RISK','CHURNED','WON_BACK'])[1 + g % 6],
       now(), now()
FROM generate_series(1, 1000000) AS g,
     LATERAL (SELECT (ARRAY['江西','湖南','四川','浙江','广东','福建','安徽','湖北'])[1 + g % 8]
                     || (ARRAY['南昌','长沙','成都','杭州','广州','厦门','合肥','武汉'])[1 + (g / 8) % 8]
                     || (ARRAY['旅游','贸易','科技','物流','建材','食品','医药','教育'])[1 + (g / 64) % 8]
                     || '有限公司' || g AS name) AS n;
ANALYZE customer;

-- a Chinese fragment of the name, whole company
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM customer c WHERE true
  AND (c.name_key LIKE '%' || customer_search_key('南昌旅游') || '%' AND strpos(lower(c.name), lower('南昌旅游')) > 0)
  AND c.grade IS DISTINCT FROM 'A' ORDER BY c.id LIMIT 51;

-- a rare name fragment (one company), restricted to a staff member's units
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM customer c WHERE true
  AND ((c.name_key LIKE '%' || customer_search_key('有限公司777777') || '%'
        AND strpos(lower(c.name), lower('有限公司777777')) > 0))
  AND c.org_unit = ANY(ARRAY['PERF-B-27']) AND c.grade IS DISTINCT FROM 'A' ORDER BY c.id LIMIT 51;

-- a phone fragment
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM customer c WHERE true
  AND ((c.name_key LIKE '%' || customer_search_key('1300123456') || '%' AND strpos(lower(c.name), lower('1300123456')) > 0)
       OR c.search_phones LIKE '%1300123456%')
  ORDER BY c.id LIMIT 51;

-- filters only: salesperson, then a tag, with keyset paging
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM customer c WHERE c.salesperson = 'perf-s-42' AND c.id > '' ORDER BY c.id LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM customer c WHERE c.tags @> ARRAY['perf-tag-7'] AND c.grade = 'B' ORDER BY c.id LIMIT 51;

-- grade and org unit (a supervisor's filter), then the next page after a cursor
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM customer c WHERE true AND c.grade = 'B' AND c.org_unit = 'PERF-B-27' ORDER BY c.id LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM customer c WHERE true AND c.grade = 'B' AND c.org_unit = 'PERF-B-27'
  AND c.id > '8000000000000000000000000000000' ORDER BY c.id LIMIT 51;

-- membership tier within a staff member's units (grade-A files hidden)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM customer c WHERE true AND c.tier = 'GOLD' AND c.org_unit = ANY(ARRAY['PERF-B-27','PERF-B-28'])
  AND c.grade IS DISTINCT FROM 'A' ORDER BY c.id LIMIT 51;

-- lifecycle stage, whole company
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM customer c WHERE true AND c.lifecycle_stage = 'AT_RISK' ORDER BY c.id LIMIT 51;

-- cursor next page of a salesperson's list (keyset: id > last id of the previous page)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM customer c WHERE true AND c.salesperson = 'perf-s-42'
  AND c.id > '8000000000000000000000000000000' ORDER BY c.id LIMIT 51;

-- cursor next page of an unfiltered list in a staff member's units
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM customer c WHERE true AND c.org_unit = ANY(ARRAY['PERF-B-27'])
  AND c.grade IS DISTINCT FROM 'A' AND c.id > '8000000000000000000000000000000' ORDER BY c.id LIMIT 51;
