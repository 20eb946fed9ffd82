package io.refgate.links;

final class LinkSql {
  static final String LOCK_REFERRER = """
      SELECT id FROM referrers WHERE tenant_id = $1 AND user_id = $2 FOR UPDATE""";

  static final String INSERT_REFERRER = """
      INSERT INTO referrers (tenant_id, user_id, organization_id, email_hash, attributes, partner, campaign_id)
      VALUES ($1, $2, $3, $4, coalesce($5, '{}'::jsonb), coalesce($6, false), $7)
      RETURNING id""";

  /** Fields the caller left out (null) keep their stored value. */
  static final String UPDATE_REFERRER = """
      UPDATE referrers
         SET organization_id = coalesce($2, organization_id), email_hash = coalesce($3, email_hash),
             attributes = coalesce($4, attributes), partner = coalesce($5, partner), updated_at = now()
       WHERE id = $1
      RETURNING attributes""";

  static final String SET_REFERRER_CAMPAIGN = "UPDATE referrers SET campaign_id = $2 WHERE id = $1";

  static final String REFERRER_BY_USER = "SELECT id, campaign_id FROM referrers WHERE tenant_id = $1 AND user_id = $2";

  /** A referrer's active link is its oldest active one: the one it was enrolled with, while that lives. */
  static final String ACTIVE_LINK = """
      SELECT code, campaign_id FROM links WHERE referrer_id = $1 AND active ORDER BY created_at, id LIMIT 1""";

  static final String INSERT_LINK = """
      INSERT INTO links (code, tenant_id, referrer_id, campaign_id, destination_url)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (code) DO NOTHING
      RETURNING id""";

  static final String VIEW = """
      SELECT l.id, l.code, l.active, r.user_id, l.campaign_id,
             coalesce(l.destination_url, c.destination_url) AS destination_url, l.created_at,
             coalesce(h.human, 0) AS human, coalesce(h.bots, 0) AS bots
        FROM links l
        JOIN referrers r ON r.id = l.referrer_id
        JOIN campaigns c ON c.id = l.campaign_id
        LEFT JOIN LATERAL (SELECT sum(human) AS human, sum(bots) AS bots
                             FROM link_clicks_hourly WHERE link_id = l.id) h ON true
       WHERE l.code = $1 AND l.tenant_id = $2""";

  static final String UPDATE_LINK = """
      UPDATE links
         SET active = coalesce($3, active),
             destination_url = CASE WHEN $4 THEN $5 ELSE destination_url END,
             updated_at = now()
       WHERE code = $1 AND tenant_id = $2""";

  static final String INSERT_ACTIVITY = """
      INSERT INTO referrer_activity (tenant_id, referrer_id, type, occurred_at) VALUES ($1, $2, $3, $4)""";

  private LinkSql() {
  }
}
