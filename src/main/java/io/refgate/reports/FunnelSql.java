package io.refgate.reports;

final class FunnelSql {
  /**
   * The whole funnel in one round trip. $1 tenant, $2 campaign or null, $3 from, $4 to, and the
   * whole hours inside the range [$5, $6): clicks in whole hours come from the hourly counters, the
   * partial hours at either end from the clicks table (a BRIN range scan of at most two hours).
   */
  static final String FUNNEL = """
      WITH scope AS (
        SELECT id FROM referrers
         WHERE tenant_id = $1 AND ($2::uuid IS NULL OR campaign_id = $2) AND created_at < $4
      ), human_clicks AS (
        SELECT h.link_id, h.human FROM link_clicks_hourly h
         WHERE h.tenant_id = $1 AND ($2::uuid IS NULL OR h.campaign_id = $2) AND h.hour >= $5 AND h.hour < $6 AND h.human > 0
        UNION ALL
        SELECT c.link_id, 1 FROM clicks c
         WHERE c.tenant_id = $1 AND ($2::uuid IS NULL OR c.campaign_id = $2) AND NOT c.bot
           AND ((c.clicked_at >= $3 AND c.clicked_at < least($5, $4)) OR (c.clicked_at >= greatest($5, $6) AND c.clicked_at < $4))
      ), signups AS (
        SELECT e.user_id FROM referees e
         WHERE e.tenant_id = $1 AND e.status = 'attributed' AND ($2::uuid IS NULL OR e.campaign_id = $2)
           AND e.signed_up_at >= $3 AND e.signed_up_at < $4
      )
      SELECT
        (SELECT count(*) FROM scope) AS referrers,
        (SELECT count(DISTINCT a.referrer_id) FROM referrer_activity a JOIN scope s ON s.id = a.referrer_id
          WHERE a.tenant_id = $1 AND a.occurred_at >= $3 AND a.occurred_at < $4) AS active_referrers,
        (SELECT count(*) FROM (
            SELECT a.referrer_id FROM referrer_activity a JOIN scope s ON s.id = a.referrer_id
             WHERE a.tenant_id = $1 AND a.type IN ('copied', 'shared') AND a.occurred_at >= $3 AND a.occurred_at < $4
            UNION
            SELECT l.referrer_id FROM human_clicks hc JOIN links l ON l.id = hc.link_id JOIN scope s ON s.id = l.referrer_id
          ) sharing) AS sharing_referrers,
        (SELECT coalesce(sum(human), 0) FROM human_clicks) AS clicks,
        (SELECT count(*) FROM signups) AS signups,
        (SELECT count(*) FROM signups g WHERE EXISTS (
            SELECT 1 FROM payments p WHERE p.tenant_id = $1 AND p.referee_user_id = g.user_id AND p.paid_at < $4)) AS conversions,
        (SELECT coalesce(sum(p.amount_minor - p.refunded_minor), 0) FROM payments p
          WHERE p.tenant_id = $1 AND p.referee_user_id IS NOT NULL AND ($2::uuid IS NULL OR p.campaign_id = $2)
            AND p.paid_at >= $3 AND p.paid_at < $4) AS revenue_minor,
        (SELECT coalesce(sum(r.amount_minor), 0) FROM rewards r
          WHERE r.tenant_id = $1 AND ($2::uuid IS NULL OR r.campaign_id = $2) AND r.status <> 'cancelled'
            AND r.created_at >= $3 AND r.created_at < $4) AS reward_cost_minor
      """;

  private FunnelSql() {
  }
}
