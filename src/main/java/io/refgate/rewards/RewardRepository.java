package io.refgate.rewards;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The reward ledger in PostgreSQL. */
public final class RewardRepository {

  /** A new ledger entry; see {@link RewardService} for the fields' meaning. */
  record Entry(UUID tenantId, String userId, String beneficiary, String kind, String type, long amountMinor, String currency,
      String status, UUID campaignId, String refereeUserId, String paymentId, String trigger, String description, UUID reverses,
      String dedupeKey, Instant availableAt) {
  }

  /** How many parameters {@link #addGrants} adds per reward. */
  public static final int GRANT_PARAMETERS = RewardSql.GRANT_TYPES.length;

  /**
   * The CTE {@code granted}: inserts {@code count} new rewards for the one row, if any, of the CTE
   * named {@code per} (it names the referee's tenant_id), from the parameters that
   * {@link #addGrants} adds, the first being parameter ${@code first}. Scalar parameters, a row
   * each, cost PostgreSQL less than one array per column (load-tests/README.md).
   */
  public static String grantsCte(String per, int first, int count) {
    String rows = IntStream.range(0, count).mapToObj(grant -> IntStream.range(0, GRANT_PARAMETERS)
            .mapToObj(i -> "$" + (first + grant * GRANT_PARAMETERS + i) + "::" + RewardSql.GRANT_TYPES[i])
            .collect(Collectors.joining(", ", "(", ")")))
        .collect(Collectors.joining(", "));
    return "granted AS (" + RewardSql.GRANTS.formatted(per, rows) + ")";
  }

  public static Tuple addGrants(Tuple tuple, List<RewardService.NewReward> grants) {
    for (RewardService.NewReward grant : grants) {
      Reward r = grant.reward();
      tuple.addUUID(r.id()).addString(r.userId()).addString(r.beneficiary()).addString(r.kind()).addString(r.type())
          .addLong(r.amountMinor()).addLong(r.originalMinor()).addString(r.currency()).addString(r.status()).addUUID(r.campaignId())
          .addString(r.refereeUserId()).addString(r.paymentId()).addString(r.trigger()).addString(r.description())
          .addString(grant.dedupeKey()).addOffsetDateTime(r.createdAt().atOffset(ZoneOffset.UTC))
          .addOffsetDateTime(r.availableAt().atOffset(ZoneOffset.UTC));
    }
    return tuple;
  }

  /** The inserted entry, or null when its dedupe key was granted before. */
  Future<Reward> insert(SqlClient tx, Entry e) {
    return tx.preparedQuery(RewardSql.INSERT).execute(Tuple.tuple()
            .addUUID(UUID.randomUUID()).addUUID(e.tenantId()).addString(e.userId()).addString(e.beneficiary())
            .addString(e.kind()).addString(e.type()).addLong(e.amountMinor()).addString(e.currency()).addString(e.status())
            .addUUID(e.campaignId()).addString(e.refereeUserId()).addString(e.paymentId()).addString(e.trigger())
            .addString(e.description()).addUUID(e.reverses()).addString(e.dedupeKey())
            .addOffsetDateTime(e.availableAt().atOffset(ZoneOffset.UTC)))
        .map(RewardRepository::single);
  }

  Future<Long> granted(SqlClient tx, UUID tenantId, String refereeUserId, UUID campaignId, String beneficiary) {
    return tx.preparedQuery(RewardSql.GRANTED).execute(Tuple.of(tenantId, refereeUserId, campaignId, beneficiary))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  Future<List<Reward>> ofPayment(SqlClient tx, UUID tenantId, String paymentId) {
    return tx.preparedQuery(RewardSql.OF_PAYMENT).execute(Tuple.of(tenantId, paymentId)).map(RewardRepository::all);
  }

  Future<List<Reward>> lockOfPayment(SqlClient tx, UUID tenantId, String paymentId) {
    return tx.preparedQuery(RewardSql.OF_PAYMENT_FOR_UPDATE).execute(Tuple.of(tenantId, paymentId)).map(RewardRepository::all);
  }

  Future<Reward> byDedupeKey(SqlClient sql, UUID tenantId, String dedupeKey) {
    return sql.preparedQuery(RewardSql.BY_DEDUPE_KEY).execute(Tuple.of(tenantId, dedupeKey)).map(RewardRepository::single);
  }

  Future<Reward> shrink(SqlClient tx, UUID id, long amountMinor) {
    return tx.preparedQuery(RewardSql.SHRINK).execute(Tuple.of(id, amountMinor)).map(RewardRepository::single);
  }

  /** A ledger entry and its place in the ledger, which cursors point at. */
  record Listed(long seq, Reward reward) {
  }

  Future<List<Listed>> page(SqlClient sql, UUID tenantId, String status, String userId, Long beforeSeq, int limit) {
    return sql.preparedQuery(RewardSql.PAGE).execute(Tuple.of(tenantId, status, userId, beforeSeq, limit)).map(rows -> {
      List<Listed> listed = new ArrayList<>(rows.size());
      rows.forEach(row -> listed.add(new Listed(row.getLong("seq"), Reward.fromRow(row))));
      return listed;
    });
  }

  Future<Reward> markPaid(SqlClient sql, UUID tenantId, UUID id) {
    return sql.preparedQuery(RewardSql.MARK_PAID).execute(Tuple.of(id, tenantId)).map(RewardRepository::single);
  }

  /** The reward's status, or null when the tenant has no such reward. */
  Future<String> status(SqlClient sql, UUID tenantId, UUID id) {
    return sql.preparedQuery(RewardSql.STATUS).execute(Tuple.of(id, tenantId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  Future<Integer> approveDue(SqlClient sql, int batch) {
    return sql.preparedQuery(RewardSql.APPROVE_DUE).execute(Tuple.of(batch)).map(RowSet::rowCount);
  }

  private static Reward single(RowSet<Row> rows) {
    return rows.size() == 0 ? null : Reward.fromRow(rows.iterator().next());
  }

  private static List<Reward> all(RowSet<Row> rows) {
    List<Reward> rewards = new ArrayList<>(rows.size());
    rows.forEach(row -> rewards.add(Reward.fromRow(row)));
    return rewards;
  }
}
