package io.refgate.rewards;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The reward ledger in PostgreSQL. */
public final class RewardRepository {

  /** A new ledger entry; see {@link RewardService} for the fields' meaning. */
  record Entry(UUID tenantId, String userId, String beneficiary, String kind, String type, long amountMinor, String currency,
      String status, UUID campaignId, String refereeUserId, String paymentId, String trigger, String description, UUID reverses,
      String dedupeKey, Instant availableAt) {
  }

  /** How many parameters {@link #addGrants} adds. */
  public static final int GRANT_ARRAYS = RewardSql.GRANT_ARRAYS;

  /**
   * The CTE {@code granted}: inserts new rewards for the one row, if any, of the CTE named
   * {@code per} (it names the referee's tenant_id), from the arrays that {@link #addGrants} adds,
   * the first being parameter ${@code first}.
   */
  public static String grantsCte(String per, int first) {
    Object[] parts = Stream.concat(Stream.of(per), IntStream.range(first, first + GRANT_ARRAYS).mapToObj(i -> "$" + i)).toArray();
    return "granted AS (" + RewardSql.GRANTS.formatted(parts) + ")";
  }

  public static Tuple addGrants(Tuple tuple, List<RewardService.NewReward> grants) {
    return tuple
        .addValue(column(grants, g -> g.reward().id(), UUID[]::new))
        .addValue(column(grants, g -> g.reward().userId(), String[]::new))
        .addValue(column(grants, g -> g.reward().beneficiary(), String[]::new))
        .addValue(column(grants, g -> g.reward().kind(), String[]::new))
        .addValue(column(grants, g -> g.reward().type(), String[]::new))
        .addValue(column(grants, g -> g.reward().amountMinor(), Long[]::new))
        .addValue(column(grants, g -> g.reward().originalMinor(), Long[]::new))
        .addValue(column(grants, g -> g.reward().currency(), String[]::new))
        .addValue(column(grants, g -> g.reward().status(), String[]::new))
        .addValue(column(grants, g -> g.reward().campaignId(), UUID[]::new))
        .addValue(column(grants, g -> g.reward().refereeUserId(), String[]::new))
        .addValue(column(grants, g -> g.reward().paymentId(), String[]::new))
        .addValue(column(grants, g -> g.reward().trigger(), String[]::new))
        .addValue(column(grants, g -> g.reward().description(), String[]::new))
        .addValue(column(grants, RewardService.NewReward::dedupeKey, String[]::new))
        .addValue(column(grants, g -> g.reward().createdAt().atOffset(ZoneOffset.UTC), OffsetDateTime[]::new))
        .addValue(column(grants, g -> g.reward().availableAt().atOffset(ZoneOffset.UTC), OffsetDateTime[]::new));
  }

  private static <T> T[] column(List<RewardService.NewReward> grants, Function<RewardService.NewReward, T> field, IntFunction<T[]> array) {
    return grants.stream().map(field).toArray(array);
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
