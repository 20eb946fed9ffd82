package io.refgate.attribution;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

  /** A signup to record: the user, the decision on their referral, and the rewards it grants. */
  record NewSignup(UUID tenantId, AttributionRules.NewUser user, AttributionRules.Decision decision, UUID clickId,
      List<RewardService.NewReward> grants) {
  }

  /** A signup to record only if its event's claim takes the event id. */
  record ClaimedSignup(NewSignup signup, EventClaim.Answered claim) {
  }

  /** Records a signup with its rewards, in one statement; false when a signup before it decided (CONTRACT §5). */
  Future<Boolean> record(SqlClient sql, NewSignup signup) {
    Tuple params = RewardRepository.addGrants(referees(List.of(signup)), List.of(signup.grants()));
    return sql.preparedQuery(AttributionSql.RECORD_SIGNUPS).execute(params)
        .map(rows -> rows.iterator().next().getBoolean("recorded"));
  }

  /**
   * Records signups of distinct users and event ids, each with its rewards and its event's claim, in
   * one statement: whether each was recorded, in their order. One that was not stored nothing; the
   * statement fails with SQLSTATE {@value io.refgate.store.SqlStates#UNDONE}, having stored nothing,
   * when one claimed and its user signed up meanwhile.
   */
  Future<List<Boolean>> recordClaimed(SqlClient sql, List<ClaimedSignup> signups) {
    Tuple params = referees(signups.stream().map(ClaimedSignup::signup).toList());
    EventClaim.addTo(params, signups.stream().map(ClaimedSignup::claim).toList());
    RewardRepository.addGrants(params, signups.stream().map(s -> s.signup().grants()).toList());
    return sql.preparedQuery(AttributionSql.RECORD_CLAIMED_SIGNUPS).execute(params).map(rows -> {
      List<Boolean> recorded = new ArrayList<>(rows.size());
      rows.forEach(row -> recorded.add(row.getBoolean("recorded")));
      return recorded;
    });
  }

  /** The signups' referee columns, one array each. */
  private static Tuple referees(List<NewSignup> signups) {
    int count = signups.size();
    UUID[] tenantIds = new UUID[count];
    String[] userIds = new String[count];
    String[] organizationIds = new String[count];
    Buffer[] emailHashes = new Buffer[count];
    String[] statuses = new String[count];
    String[] reasons = new String[count];
    Long[] referrerIds = new Long[count];
    Long[] linkIds = new Long[count];
    UUID[] campaignIds = new UUID[count];
    UUID[] clickIds = new UUID[count];
    OffsetDateTime[] signedUpAt = new OffsetDateTime[count];
    for (int i = 0; i < count; i++) {
      NewSignup signup = signups.get(i);
      AttributionRules.Decision decision = signup.decision();
      AttributionRules.Referral referral = decision.referral();
      tenantIds[i] = signup.tenantId();
      userIds[i] = signup.user().userId();
      organizationIds[i] = signup.user().organizationId();
      emailHashes[i] = signup.user().emailHash() == null ? null : Buffer.buffer(signup.user().emailHash());
      statuses[i] = lower(decision.status());
      reasons[i] = decision.reason() == null ? null : lower(decision.reason());
      referrerIds[i] = referral == null ? null : referral.referrerId();
      linkIds[i] = referral == null ? null : referral.linkId();
      campaignIds[i] = referral == null ? null : referral.campaignId();
      clickIds[i] = decision.status() == AttributionRules.Status.UNATTRIBUTED ? null : signup.clickId();
      signedUpAt[i] = signup.user().signedUpAt().atOffset(ZoneOffset.UTC);
    }
    return Tuple.tuple().addArrayOfUUID(tenantIds).addArrayOfString(userIds).addArrayOfString(organizationIds)
        .addArrayOfBuffer(emailHashes).addArrayOfString(statuses).addArrayOfString(reasons).addArrayOfLong(referrerIds)
        .addArrayOfLong(linkIds).addArrayOfUUID(campaignIds).addArrayOfUUID(clickIds).addArrayOfOffsetDateTime(signedUpAt);
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
