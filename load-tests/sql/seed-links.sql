-- Seeds :links referrers with one active link each, straight into the gateway's tables (the API
-- would take minutes for a million). Run with psql -v tenant_id=... -v campaign_id=... -v links=N
-- against a tenant and campaign created through the API.
\set ON_ERROR_STOP on

BEGIN;

INSERT INTO referrers (tenant_id, user_id, campaign_id)
SELECT :'tenant_id'::uuid, 'load-' || i, :'campaign_id'::uuid
  FROM generate_series(1, :links) AS i;

-- Codes look like generated ones: 8 base62 characters. They are the referrer's id times an odd
-- multiplier that is prime to 62, modulo 62^8 (a bijection, so codes are unique), written in
-- base 62; consecutive ids give unrelated codes.
INSERT INTO links (code, tenant_id, referrer_id, campaign_id)
SELECT substr(a, (n % 62)::int + 1, 1)
    || substr(a, (n / 62 % 62)::int + 1, 1)
    || substr(a, (n / 3844 % 62)::int + 1, 1)
    || substr(a, (n / 238328 % 62)::int + 1, 1)
    || substr(a, (n / 14776336 % 62)::int + 1, 1)
    || substr(a, (n / 916132832 % 62)::int + 1, 1)
    || substr(a, (n / 56800235584 % 62)::int + 1, 1)
    || substr(a, (n / 3521614606208 % 62)::int + 1, 1),
       tenant_id, id, campaign_id
  FROM (SELECT id, tenant_id, campaign_id, id * 2654435761 % 218340105584896 AS n
          FROM referrers
         WHERE tenant_id = :'tenant_id'::uuid) AS scrambled
 CROSS JOIN (VALUES ('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')) AS alphabet (a);

COMMIT;

-- Statistics and visibility map now, so that lookups by code plan as on a table that grew over
-- time, and so that autovacuum does not take to the fresh rows in the middle of a measurement.
VACUUM (ANALYZE) referrers, links;
