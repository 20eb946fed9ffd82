package io.refgate.attribution;

import io.refgate.events.EventClaim;
import io.refgate.rewards.RewardRepository;
import io.refgate.rewards.RewardService;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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

  private static final int REFEREE_PARAMETERS = 11;

  /** The statements of {@link #signupStatement}, by claim (without, with) and number of signup rewards. */
  private static final String[][] RECORD_SIGNUP = Stream.of(false, true)
      .map(claimed -> IntStream.rangeClosed(0, RewardService.MAX_SIGNUP_GRANTS).mapToObj(grants -> signupStatement(claimed, grants))
          .toArray(String[]::new))
      .toArray(String[][]::new);

  static String recordSignup(boolean claimed, int grants) {
    return RECORD_SIGNUP[claimed ? 1 : 0][grants];
  }

  /**
   * The first signup decides; a later one may only turn "unattributed" into "attributed". The
   * referee row and its signup rewards go in as one statement. With {@code claimed}, they go in
   * only when the event's claim (its parameters follow the rewards') took the event id, and a claim
   * for a user who signed up before undoes the whole statement (refgate_undo), since the answer it
   * stored would be wrong. It answers whether the claim took the event id and whether the signup
   * was recorded.
   */
  private static String signupStatement(boolean claimed, int grants) {
    int firstGrant = REFEREE_PARAMETERS + 1;
    String claim = claimed ? EventClaim.cte(firstGrant + grants * RewardRepository.GRANT_PARAMETERS) + ",\n" : "";
    String granted = grants == 0 ? "" : ",\n" + RewardRepository.grantsCte("referee", firstGrant, grants);
    String outcome = claimed ? """
        SELECT claimed, CASE WHEN claimed AND NOT recorded THEN refgate_undo('the user signed up before') ELSE recorded END AS recorded
          FROM (SELECT (SELECT count(*) FROM claim) = 1 AS claimed, (SELECT count(*) FROM referee) = 1 AS recorded) o"""
        : "SELECT true AS claimed, (SELECT count(*) FROM referee) = 1 AS recorded";
    return "WITH " + claim + """
        referee AS (
          INSERT INTO referees AS e (tenant_id, user_id, organization_id, email_hash, status, reason, referrer_id, link_id,
                                     campaign_id, click_id, signed_up_at)
          SELECT $1::uuid, $2::text, $3::text, $4::bytea, $5::text, $6::text, $7::bigint, $8::bigint, $9::uuid, $10::uuid,
                 $11::timestamptz %s
          ON CONFLICT (tenant_id, user_id) DO UPDATE
             SET organization_id = excluded.organization_id, email_hash = excluded.email_hash, status = excluded.status,
                 reason = excluded.reason, referrer_id = excluded.referrer_id, link_id = excluded.link_id,
                 campaign_id = excluded.campaign_id, click_id = excluded.click_id, signed_up_at = excluded.signed_up_at
           WHERE e.status = 'unattributed' AND excluded.status = 'attributed'
          RETURNING tenant_id)""".formatted(claimed ? "FROM claim" : "") + granted + "\n" + outcome;
  }

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
