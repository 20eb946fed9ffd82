package io.refgate.clicks;

final class ClickSql {
  /**
   * One statement per batch: the rows, then the hourly per-link counters from exactly the rows that
   * were new (a re-sent batch inserts nothing and counts nothing). Counter rows are updated in key
   * order so that two writers never deadlock.
   */
  static final String INSERT_BATCH = """
      WITH inserted AS (
        INSERT INTO clicks (click_id, clicked_at, tenant_id, link_id, campaign_id, ip_prefix, user_agent, referer_host, bot)
        SELECT id, timestamptz 'epoch' + ms * interval '1 millisecond', tenant, link, campaign, ip, ua, referer, bot
          FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::bigint[], $5::uuid[], $6::text[], $7::text[], $8::text[],
                      $9::boolean[]) AS c(id, ms, tenant, link, campaign, ip, ua, referer, bot)
        ON CONFLICT DO NOTHING
        RETURNING link_id, clicked_at, tenant_id, campaign_id, bot
      )
      INSERT INTO link_clicks_hourly AS h (link_id, hour, tenant_id, campaign_id, human, bots)
      SELECT link_id, date_trunc('hour', clicked_at, 'UTC'), tenant_id, campaign_id,
             count(*) FILTER (WHERE NOT bot), count(*) FILTER (WHERE bot)
        FROM inserted
       GROUP BY 1, 2, 3, 4
       ORDER BY 1, 2
      ON CONFLICT (link_id, hour) DO UPDATE SET human = h.human + excluded.human, bots = h.bots + excluded.bots
      """;

  static final String ENSURE_PARTITIONS = "SELECT ensure_click_partitions($1)";

  private ClickSql() {
  }
}
