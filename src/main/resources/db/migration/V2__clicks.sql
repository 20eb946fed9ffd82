-- One row per redirect answered, written in batches. Partitioned by month so that old months can
-- be detached or dropped whole; a default partition catches anything partition upkeep missed.
-- No foreign keys: the writer must never wait on other tables.
CREATE TABLE clicks (
    click_id     uuid NOT NULL,
    clicked_at   timestamptz NOT NULL,
    tenant_id    uuid NOT NULL,
    link_id      bigint NOT NULL,
    campaign_id  uuid NOT NULL,
    ip_prefix    text,
    user_agent   text,
    referer_host text,
    bot          boolean NOT NULL,
    PRIMARY KEY (click_id, clicked_at)
) PARTITION BY RANGE (clicked_at);

CREATE TABLE clicks_default PARTITION OF clicks DEFAULT;
CREATE INDEX clicks_time ON clicks USING brin (clicked_at);

-- Per link and hour, maintained by the batch writer in the same statement as the click rows, so
-- counts and rows always agree. Reports read these instead of counting clicks.
CREATE TABLE link_clicks_hourly (
    link_id     bigint NOT NULL,
    hour        timestamptz NOT NULL,
    tenant_id   uuid NOT NULL,
    campaign_id uuid NOT NULL,
    human       bigint NOT NULL DEFAULT 0,
    bots        bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (link_id, hour)
);
CREATE INDEX link_clicks_hourly_campaign ON link_clicks_hourly (campaign_id, hour);
CREATE INDEX link_clicks_hourly_tenant ON link_clicks_hourly (tenant_id, hour);

-- Creates the monthly partitions from this month to months_ahead months ahead. Idempotent and safe
-- to run from several instances at once; the server calls it at start-up and daily. Rows that went
-- to the default partition because upkeep lagged are moved into the new month's partition.
CREATE FUNCTION ensure_click_partitions(months_ahead integer) RETURNS void
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
            EXECUTE format('CREATE TABLE %I (LIKE clicks INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part_name);
            EXECUTE format('WITH moved AS (DELETE FROM clicks_default WHERE clicked_at >= %L AND clicked_at < %L RETURNING *) '
                           'INSERT INTO %I SELECT * FROM moved', lo, hi, part_name);
            EXECUTE format('ALTER TABLE clicks ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part_name, lo, hi);
        END IF;
    END LOOP;
END;
$$;
