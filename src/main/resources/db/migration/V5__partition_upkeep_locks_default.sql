-- ensure_click_partitions moved rows out of the default partition and then attached the new month;
-- a click written to the default partition in between made the attach fail (seen when an instance
-- started while another was writing clicks of a month that had no partition yet). The default
-- partition is now locked before rows are moved, so such a click waits and is moved too.
CREATE OR REPLACE FUNCTION ensure_click_partitions(months_ahead integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    first_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
    month_start date;
    lo          timestamptz;
    hi          timestamptz;
    part_name   text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ensure_click_partitions'));
    FOR i IN 0 .. months_ahead LOOP
        month_start := (first_month + make_interval(months => i))::date;
        part_name := 'clicks_' || to_char(month_start, 'YYYY_MM');
        lo := month_start::timestamp AT TIME ZONE 'UTC';
        hi := (month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC';
        IF to_regclass(part_name) IS NULL THEN
            LOCK TABLE clicks_default IN ACCESS EXCLUSIVE MODE;
            EXECUTE format('CREATE TABLE %I (LIKE clicks INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part_name);
            EXECUTE format('WITH moved AS (DELETE FROM clicks_default WHERE clicked_at >= %L AND clicked_at < %L RETURNING *) '
                           'INSERT INTO %I SELECT * FROM moved', lo, hi, part_name);
            EXECUTE format('ALTER TABLE clicks ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part_name, lo, hi);
        END IF;
    END LOOP;
END;
$$;
