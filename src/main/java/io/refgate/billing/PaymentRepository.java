package io.refgate.billing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Payments by the sender's payment id. */
final class PaymentRepository {

  /**
   * Stores a new payment and answers its number among the referee's paying payments (1 = first), or
   * 0 when it matched no referee or paid nothing (a trial invoice is no first payment); null when
   * the payment id was stored before. The caller holds the referee's lock, so the count is stable.
   */
  Future<Integer> insert(SqlClient tx, UUID tenantId, String paymentId, String refereeUserId, UUID campaignId, long amountMinor,
      String currency, Instant paidAt) {
    return tx.preparedQuery(PaymentSql.INSERT)
        .execute(Tuple.of(tenantId, paymentId, refereeUserId, campaignId, amountMinor, currency, paidAt.atOffset(ZoneOffset.UTC)))
        .map(rows -> {
          if (rows.size() == 0) {
            return null;
          }
          Integer seq = rows.iterator().next().getInteger("seq");
          return seq == null ? 0 : seq;
        });
  }

  Future<Payment> find(SqlClient sql, UUID tenantId, String paymentId) {
    return sql.preparedQuery(PaymentSql.BY_ID).execute(Tuple.of(tenantId, paymentId)).map(PaymentRepository::single);
  }

  Future<Payment> lock(SqlClient tx, UUID tenantId, String paymentId) {
    return tx.preparedQuery(PaymentSql.BY_ID_FOR_UPDATE).execute(Tuple.of(tenantId, paymentId)).map(PaymentRepository::single);
  }

  Future<Void> setRefunded(SqlClient tx, UUID tenantId, String paymentId, long refundedMinor) {
    return tx.preparedQuery(PaymentSql.ADD_REFUND).execute(Tuple.of(tenantId, paymentId, refundedMinor)).mapEmpty();
  }

  private static Payment single(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return null;
    }
    Row row = rows.iterator().next();
    return new Payment(row.getString("payment_id"), row.getString("referee_user_id"), row.getLong("amount_minor"),
        row.getLong("refunded_minor"), row.getString("currency"));
  }
}
