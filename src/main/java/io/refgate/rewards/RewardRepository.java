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
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The reward ledger in PostgreSQL. */
public final class RewardRepository {

  /** A new ledger entry; see {@link RewardService} for the fields' meaning. */
  record Entry(UUID tenantId, String userId, String beneficiary, String kind, String type, long amountMinor, String currency,
      String status, UUID campaignId, String refereeUserId, String paymentId, String trigger, String description, UUID reverses,
      String dedupeKey, Instant availableAt) {
  }

  /** How many parameters {@link #addGrants} adds. */
  public static final int GRANT_PARAMETERS = RewardSql.GRANT_COLUMNS.length + 1;

  /**
   * The CTE {@code granted}: inserts the new rewards that {@link #addGrants} adds as parameters,
   * the first being parameter ${@code first}, each for the row of the relation {@code per} (naming
   * tenant_id) whose n is the 1-based place of its list there; a row missing from {@code per}
   * gets none of its rewards.
   */
  public static String grantsCte(String per, int first) {
    String columns = "unnest($" + first + "::int[]) AS n" + IntStream.range(0, RewardSql.GRANT_COLUMNS.length)
        .mapToObj(i -> ", unnest($" + (first + 1 + i) + "::" + RewardSql.GRANT_COLUMNS[i][1] + "[]) AS " + RewardSql.GRANT_COLUMNS[i][0])
        .collect(Collectors.joining());
    return "granted AS (" + RewardSql.GRANTS.formatted(per, columns) + ")";
  }

  /** Adds the rewards of each list, numbered by the list's 1-based place, as one array per column. */
  public static Tuple addGrants(Tuple tuple, List<List<RewardService.NewReward>> lists) {
    int count = lists.stream().mapToInt(List::size).sum();
    Integer[] n = new Integer[count];
    UUID[] id = new UUID[count];
    UUID[] campaignId = new UUID[count];
    String[] userId = new String[count];
    String[] beneficiary = new String[count];
    String[] kind = new String[count];
    String[] type = new String[count];
    String[] currency = new String[count];
    String[] status = new String[count];
    String[] refereeUserId = new String[count];
    String[] paymentId = new String[count];
    String[] trigger = new String[count];
    String[] description = new String[count];
    String[] dedupeKey = new String[count];
    Long[] amountMinor = new Long[count];
    Long[] originalMinor = new Long[count];
    OffsetDateTime[] createdAt = new OffsetDateTime[count];
    OffsetDateTime[] availableAt = new OffsetDateTime[count];
    int i = 0;
    for (int list = 0; list < lists.size(); list++) {
      for (RewardService.NewReward grant : lists.get(list)) {
        Reward r = grant.reward();
        n[i] = list + 1;
        id[i] = r.id();
        userId[i] = r.userId();
        beneficiary[i] = r.beneficiary();
        kind[i] = r.kind();
        type[i] = r.type();
        amountMinor[i] = r.amountMinor();
        originalMinor[i] = r.originalMinor();
        currency[i] = r.currency();
        status[i] = r.status();
        campaignId[i] = r.campaignId();
        refereeUserId[i] = r.refereeUserId();
        paymentId[i] = r.paymentId();
        trigger[i] = r.trigger();
        description[i] = r.description();
        dedupeKey[i] = grant.dedupeKey();
        createdAt[i] = r.createdAt().atOffset(ZoneOffset.UTC);
        availableAt[i] = r.availableAt().atOffset(ZoneOffset.UTC);
        i++;
      }
    }
    return tuple.addArrayOfInteger(n).addArrayOfUUID(id).addArrayOfString(userId).addArrayOfString(beneficiary)
        .addArrayOfString(kind).addArrayOfString(type).addArrayOfLong(amountMinor).addArrayOfLong(originalMinor)
        .addArrayOfString(currency).addArrayOfString(status).addArrayOfUUID(campaignId).addArrayOfString(refereeUserId)
        .addArrayOfString(paymentId).addArrayOfString(trigger).addArrayOfString(description).addArrayOfString(dedupeKey)
        .addArrayOfOffsetDateTime(createdAt).addArrayOfOffsetDateTime(availableAt);
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
