package io.refgate.attribution;

import io.refgate.events.Answer;
import io.refgate.events.EventClaim;
import io.refgate.rewards.RewardRepository;
import io.refgate.rewards.RewardService;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Referees, and the referral links that signup evidence points to. */
public final class AttributionRepository {

  public Future<AttributionRules.Referral> referralByClick(SqlClient sql, UUID tenantId, UUID clickId, Instant clickedAt) {
    return sql.preparedQuery(AttributionSql.REFERRAL_BY_CLICK).execute(Tuple.of(clickId, clickedAt.atOffset(ZoneOffset.UTC), tenantId))
        .map(AttributionRepository::referral);
  }

  public Future<AttributionRules.Referral> referralByCode(SqlClient sql, UUID tenantId, String code) {
    return sql.preparedQuery(AttributionSql.REFERRAL_BY_CODE).execute(Tuple.of(code, tenantId)).map(AttributionRepository::referral);
  }

  /** What storing a signup did: whether its event claim took the event id, and whether the signup was recorded. */
  record Stored(boolean claimed, boolean recorded) {
  }

  /**
   * Records a signup (a first signup, or an upgrade of an unattributed one) with its rewards, in one
   * statement; with a claim, only if the claim takes the event id, storing {@code answer} with it.
   */
  Future<Stored> record(SqlClient sql, UUID tenantId, AttributionRules.NewUser user, AttributionRules.Decision decision, UUID clickId,
      List<RewardService.NewReward> grants, EventClaim claim, Answer answer) {
    AttributionRules.Referral referral = decision.referral();
    Tuple params = Tuple.tuple()
        .addUUID(tenantId).addString(user.userId()).addString(user.organizationId())
        .addValue(user.emailHash() == null ? null : Buffer.buffer(user.emailHash()))
        .addString(lower(decision.status())).addString(decision.reason() == null ? null : lower(decision.reason()))
        .addValue(referral == null ? null : referral.referrerId()).addValue(referral == null ? null : referral.linkId())
        .addUUID(referral == null ? null : referral.campaignId())
        .addUUID(decision.status() == AttributionRules.Status.UNATTRIBUTED ? null : clickId)
        .addOffsetDateTime(user.signedUpAt().atOffset(ZoneOffset.UTC));
    RewardRepository.addGrants(params, grants);
    if (claim != null) {
      claim.addTo(params, answer);
    }
    return sql.preparedQuery(AttributionSql.recordSignup(claim != null, grants.size())).execute(params)
        .map(rows -> {
          Row row = rows.iterator().next();
          return new Stored(row.getBoolean("claimed"), row.getBoolean("recorded"));
        });
  }

  public Future<Referee> referee(SqlClient sql, UUID tenantId, String userId) {
    return sql.preparedQuery(AttributionSql.REFEREE_BY_USER).execute(Tuple.of(tenantId, userId)).map(AttributionRepository::referee);
  }

  /** The attributed referee a payment or milestone belongs to, locked for the transaction; null when none. */
  public Future<Referee> converting(SqlClient tx, UUID tenantId, String userId, String organizationId) {
    Future<Referee> byUser = userId == null ? Future.succeededFuture(null)
        : tx.preparedQuery(AttributionSql.CONVERTING_BY_USER).execute(Tuple.of(tenantId, userId)).map(AttributionRepository::referee);
    return byUser.compose(found -> found != null || organizationId == null ? Future.succeededFuture(found)
        : tx.preparedQuery(AttributionSql.CONVERTING_BY_ORGANIZATION).execute(Tuple.of(tenantId, organizationId))
            .map(AttributionRepository::referee));
  }

  private static AttributionRules.Referral referral(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return null;
    }
    Row row = rows.iterator().next();
    Buffer emailHash = row.getBuffer("referrer_email_hash");
    return new AttributionRules.Referral(row.getLong("link_id"), row.getString("code"), row.getBoolean("active"),
        row.getLong("referrer_id"), row.getString("referrer_user_id"), row.getString("referrer_organization_id"),
        emailHash == null ? null : emailHash.getBytes(), row.getUUID("campaign_id"));
  }

  private static Referee referee(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return null;
    }
    Row row = rows.iterator().next();
    return new Referee(row.getString("user_id"), row.getString("status"), row.getString("reason"), row.getString("referrer_user_id"),
        row.getString("code"), row.getUUID("campaign_id"));
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
