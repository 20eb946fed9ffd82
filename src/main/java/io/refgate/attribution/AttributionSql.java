package io.refgate.attribution;

import io.refgate.events.EventClaim;
import io.refgate.rewards.RewardRepository;

final class AttributionSql {
  private static final String REFERRAL = """
      SELECT l.id AS link_id, l.code, l.active, l.referrer_id, l.campaign_id,
             r.user_id AS referrer_user_id, r.organization_id AS referrer_organization_id, r.email_hash AS referrer_email_hash
        FROM links l JOIN referrers r ON r.id = l.referrer_id""";

  /** The click's time is part of its id, so the lookup goes straight to one partition. */
  static final String REFERRAL_BY_CLICK = REFERRAL + """

        JOIN clicks c ON c.link_id = l.id
       WHERE c.click_id = $1 AND c.clicked_at = $2 AND c.tenant_id = $3""";

  static final String REFERRAL_BY_CODE = REFERRAL + """

       WHERE l.code = $1 AND l.tenant_id = $2""";

  /** The referee columns of the signups, one array each. */
  private static final String INPUT = """
      input AS (
        SELECT generate_series(1, cardinality($1::uuid[])) AS n, unnest($1::uuid[]) AS tenant_id, unnest($2::text[]) AS user_id,
               unnest($3::text[]) AS organization_id, unnest($4::bytea[]) AS email_hash, unnest($5::text[]) AS status,
               unnest($6::text[]) AS reason, unnest($7::bigint[]) AS referrer_id, unnest($8::bigint[]) AS link_id,
               unnest($9::uuid[]) AS campaign_id, unnest($10::uuid[]) AS click_id, unnest($11::timestamptz[]) AS signed_up_at%s)""";

  private static final int REFEREE_PARAMETERS = 11;

  /**
   * Referees from the rows of %s: a first signup, or one that turns "unattributed" into "attributed".
   * They go in in the order of their key, after every claim of the statement (the sort reads them
   * all first), so that two instances' statements holding some of the same users cannot deadlock.
   */
  private static final String REFEREES = """
      referee AS (
        INSERT INTO referees AS e (tenant_id, user_id, organization_id, email_hash, status, reason, referrer_id, link_id,
                                   campaign_id, click_id, signed_up_at)
        SELECT i.tenant_id, i.user_id, i.organization_id, i.email_hash, i.status, i.reason, i.referrer_id, i.link_id,
               i.campaign_id, i.click_id, i.signed_up_at
          FROM %s
         ORDER BY i.tenant_id, i.user_id
        ON CONFLICT (tenant_id, user_id) DO UPDATE
           SET organization_id = excluded.organization_id, email_hash = excluded.email_hash, status = excluded.status,
               reason = excluded.reason, referrer_id = excluded.referrer_id, link_id = excluded.link_id,
               campaign_id = excluded.campaign_id, click_id = excluded.click_id, signed_up_at = excluded.signed_up_at
         WHERE e.status = 'unattributed' AND excluded.status = 'attributed'
        RETURNING tenant_id, user_id),
      recorded AS (SELECT i.n, i.tenant_id FROM input i JOIN referee USING (tenant_id, user_id))""";

  /** Signups that a signup before them keeps from being recorded: the first decides (CONTRACT §5). */
  private static final String NOT_DECIDED = """
      input i
       WHERE NOT EXISTS (SELECT FROM referees e
                          WHERE e.tenant_id = i.tenant_id AND e.user_id = i.user_id
                            AND NOT (e.status = 'unattributed' AND i.status = 'attributed'))""";

  /**
   * Signups, each with its rewards (see {@code RewardRepository.grantsCte}), in one statement that
   * answers, in the order given, whether each was recorded. No two may share a user.
   */
  static final String RECORD_SIGNUPS = "WITH " + INPUT.formatted("") + ",\n" + REFEREES.formatted("input i") + ",\n"
      + RewardRepository.grantsCte("recorded", REFEREE_PARAMETERS + 1) + """

      SELECT r.n IS NOT NULL AS recorded FROM input i LEFT JOIN recorded r USING (n) ORDER BY i.n""";

  /**
   * Like {@link #RECORD_SIGNUPS}, each signup only if its event's claim (its parameters follow the
   * referee's) takes the event id; no two may share an event id either. A signup whose user signed
   * up before claims nothing. One that claims and then finds such a user, written meanwhile by
   * another statement, undoes the whole statement (refgate_undo), since the answer it stored would
   * be wrong.
   */
  static final String RECORD_CLAIMED_SIGNUPS = "WITH " + INPUT.formatted(",\n" + " ".repeat(9)
      + EventClaim.columns(REFEREE_PARAMETERS + 1)) + ",\n" + EventClaim.cte(NOT_DECIDED) + ",\n"
      + REFEREES.formatted("input i JOIN claim USING (tenant_id, event_id)") + ",\n"
      + RewardRepository.grantsCte("recorded", REFEREE_PARAMETERS + EventClaim.PARAMETERS + 1) + """

      SELECT CASE WHEN claimed AND NOT recorded THEN refgate_undo('a user signed up meanwhile') ELSE recorded END AS recorded
        FROM (SELECT i.n, c.event_id IS NOT NULL AS claimed, r.n IS NOT NULL AS recorded
                FROM input i LEFT JOIN claim c USING (tenant_id, event_id) LEFT JOIN recorded r USING (n)) o
       ORDER BY n""";

  private static final String REFEREE = """
      SELECT e.user_id, e.status, e.reason, e.campaign_id, r.user_id AS referrer_user_id, l.code
        FROM referees e
        LEFT JOIN referrers r ON r.id = e.referrer_id
        LEFT JOIN links l ON l.id = e.link_id""";

  static final String REFEREE_BY_USER = REFEREE + """

       WHERE e.tenant_id = $1 AND e.user_id = $2""";

  /**
   * The attribution a conversion (payment, milestone) belongs to, locked so that one referee's
   * conversions are counted in turn: by user, or else the organisation's first attributed signup.
   */
  static final String CONVERTING_BY_USER = REFEREE + """

       WHERE e.tenant_id = $1 AND e.user_id = $2 AND e.status = 'attributed'
         FOR UPDATE OF e""";

  static final String CONVERTING_BY_ORGANIZATION = REFEREE + """

       WHERE e.tenant_id = $1 AND e.organization_id = $2 AND e.status = 'attributed'
       ORDER BY e.signed_up_at, e.user_id
       LIMIT 1
         FOR UPDATE OF e""";

  private AttributionSql() {
  }
}
