package io.refgate.clicks;

/**
 * The arrays a batch arrives in are unnested in the select list, where PostgreSQL streams them in
 * lockstep; unnest of several arrays in FROM first copies them all into a tuplestore, which made
 * each stored click cost it a fifth more (load-tests/README.md).
 */
final class ClickSql {
  private static final String INSERT_CLICKS = """
        INSERT INTO clicks (click_id, clicked_at, tenant_id, link_id, campaign_id, ip_prefix, user_agent, referer_host, bot)
        SELECT unnest($1::uuid[]), timestamptz 'epoch' + unnest($2::bigint[]) * interval '1 millisecond', unnest($3::uuid[]),
               unnest($4::bigint[]), unnest($5::uuid[]), unnest($6::text[]), unnest($7::text[]), unnest($8::text[]),
               unnest($9::boolean[])""";

  private static final String ADD_TO_COUNTERS = """
      ON CONFLICT (link_id, hour) DO UPDATE SET human = h.human + excluded.human, bots = h.bots + excluded.bots""";

  /**
   * One statement per batch: the rows, and the hourly per-link counters from the counts the writer
   * made of the same batch ($10..$15). A statement is atomic and all its parts see one snapshot,
   * so a batch whose first click is already stored is skipped whole, rows and counts alike: a
   * re-sent batch costs one index probe instead of a conflict check per row. Counter rows are
   * updated in key order so that two writers never deadlock.
   */
  static final String INSERT_BATCH = """
      WITH batch AS (
        SELECT NOT EXISTS (SELECT 1 FROM clicks
                            WHERE click_id = ($1::uuid[])[1]
                              AND clicked_at = timestamptz 'epoch' + ($2::bigint[])[1] * interval '1 millisecond') AS is_new
      ), inserted AS (
      %s
         WHERE (SELECT is_new FROM batch)
      )
      INSERT INTO link_clicks_hourly AS h (link_id, hour, tenant_id, campaign_id, human, bots)
      SELECT unnest($10::bigint[]), timestamptz 'epoch' + unnest($11::bigint[]) * interval '1 millisecond', unnest($12::uuid[]),
             unnest($13::uuid[]), unnest($14::bigint[]), unnest($15::bigint[])
       WHERE (SELECT is_new FROM batch)
       ORDER BY 1, 2
      %s
      """.formatted(INSERT_CLICKS, ADD_TO_COUNTERS);

  /**
   * For a batch that {@link #INSERT_BATCH} refused because a later row's click id is already
   * stored: the rows that are new, checked one by one, and counters from exactly those rows.
   */
  static final String INSERT_BATCH_SKIPPING_STORED = """
      WITH inserted AS (
      %s
        ON CONFLICT DO NOTHING
        RETURNING link_id, clicked_at, tenant_id, campaign_id, bot
      )
      INSERT INTO link_clicks_hourly AS h (link_id, hour, tenant_id, campaign_id, human, bots)
      SELECT link_id, date_trunc('hour', clicked_at, 'UTC'), tenant_id, campaign_id,
             count(*) FILTER (WHERE NOT bot), count(*) FILTER (WHERE bot)
        FROM inserted
       GROUP BY 1, 2, 3, 4
       ORDER BY 1, 2
      %s
      """.formatted(INSERT_CLICKS, ADD_TO_COUNTERS);

  static final String ENSURE_PARTITIONS = "SELECT ensure_click_partitions($1)";

  private ClickSql() {
  }
}
