package io.refgate.rewards;

final class RewardSql {
  static final String COLUMNS = """
      id, seq, user_id, beneficiary, kind, reward_type, amount_minor, original_minor, currency, status, campaign_id,
      referee_user_id, payment_id, trigger, description, created_at, available_at""";

  /** A grant happens once per dedupe key; a clawback has none. */
  static final String INSERT = """
      INSERT INTO rewards (id, tenant_id, user_id, beneficiary, kind, reward_type, amount_minor, original_minor, currency,
                           status, campaign_id, referee_user_id, payment_id, trigger, description, reverses, dedupe_key,
                           available_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
      ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
      RETURNING\s""" + COLUMNS;

  /** The columns of new rewards in {@link #GRANTS} and their types, in the order {@code RewardRepository.addGrants} adds them. */
  static final String[][] GRANT_COLUMNS = {{"id", "uuid"}, {"user_id", "text"}, {"beneficiary", "text"}, {"kind", "text"},
      {"reward_type", "text"}, {"amount_minor", "bigint"}, {"original_minor", "bigint"}, {"currency", "text"}, {"status", "text"},
      {"campaign_id", "uuid"}, {"referee_user_id", "text"}, {"payment_id", "text"}, {"trigger", "text"}, {"description", "text"},
      {"dedupe_key", "text"}, {"created_at", "timestamptz"}, {"available_at", "timestamptz"}};

  /**
   * New rewards g for rows r of a relation that names their tenant_id and numbers them n. The first
   * %s is that relation, the second the select list that gives g its columns, n among them.
   */
  static final String GRANTS = """
      INSERT INTO rewards (id, tenant_id, user_id, beneficiary, kind, reward_type, amount_minor, original_minor, currency, status,
                           campaign_id, referee_user_id, payment_id, trigger, description, dedupe_key, created_at, available_at)
      SELECT g.id, r.tenant_id, g.user_id, g.beneficiary, g.kind, g.reward_type, g.amount_minor, g.original_minor, g.currency,
             g.status, g.campaign_id, g.referee_user_id, g.payment_id, g.trigger, g.description, g.dedupe_key, g.created_at,
             g.available_at
        FROM %s r JOIN (SELECT %s) g USING (n)""";

  /** What a referee's conversions already earned one beneficiary in a campaign: the cap counts this. */
  static final String GRANTED = """
      SELECT coalesce(sum(amount_minor), 0) FROM rewards
       WHERE tenant_id = $1 AND referee_user_id = $2 AND campaign_id = $3 AND beneficiary = $4
         AND kind = 'reward' AND status <> 'cancelled'""";

  static final String OF_PAYMENT = "SELECT " + COLUMNS + """

        FROM rewards WHERE tenant_id = $1 AND payment_id = $2 ORDER BY seq""";

  static final String OF_PAYMENT_FOR_UPDATE = "SELECT " + COLUMNS + """

        FROM rewards WHERE tenant_id = $1 AND payment_id = $2 AND kind = 'reward' AND status <> 'cancelled'
       ORDER BY seq FOR UPDATE""";

  static final String BY_DEDUPE_KEY = "SELECT " + COLUMNS + " FROM rewards WHERE tenant_id = $1 AND dedupe_key = $2";

  static final String SHRINK = """
      UPDATE rewards SET amount_minor = $2, status = CASE WHEN $2::bigint = 0 THEN 'cancelled' ELSE status END
       WHERE id = $1
      RETURNING\s""" + COLUMNS;

  static final String PAGE = "SELECT " + COLUMNS + """

        FROM rewards
       WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR user_id = $3)
         AND ($4::bigint IS NULL OR seq < $4)
       ORDER BY seq DESC
       LIMIT $5""";

  static final String MARK_PAID = """
      UPDATE rewards SET status = 'paid', paid_at = now()
       WHERE id = $1 AND tenant_id = $2 AND status = 'approved'
      RETURNING\s""" + COLUMNS;

  static final String STATUS = "SELECT status FROM rewards WHERE id = $1 AND tenant_id = $2";

  /**
   * Pending → approved once available. SKIP LOCKED lets several instances share the work; the
   * status condition makes each reward change (and be counted) once.
   */
  static final String APPROVE_DUE = """
      UPDATE rewards SET status = 'approved', approved_at = now()
       WHERE id IN (SELECT id FROM rewards WHERE status = 'pending' AND available_at <= now()
                     ORDER BY available_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         AND status = 'pending'
      RETURNING id""";

  private RewardSql() {
  }
}
