package io.refgate.billing;

final class PaymentSql {
  static final String INSERT = """
      INSERT INTO payments (tenant_id, payment_id, referee_user_id, campaign_id, seq, amount_minor, currency, paid_at)
      VALUES ($1, $2, $3, $4,
              CASE WHEN $3::text IS NULL OR $5::bigint = 0 THEN NULL
                   ELSE (SELECT count(seq) + 1 FROM payments WHERE tenant_id = $1 AND referee_user_id = $3) END,
              $5, $6, $7)
      ON CONFLICT (tenant_id, payment_id) DO NOTHING
      RETURNING seq""";

  static final String BY_ID = """
      SELECT payment_id, referee_user_id, amount_minor, refunded_minor, currency
        FROM payments WHERE tenant_id = $1 AND payment_id = $2""";

  static final String BY_ID_FOR_UPDATE = BY_ID + " FOR UPDATE";

  static final String ADD_REFUND = "UPDATE payments SET refunded_minor = $3 WHERE tenant_id = $1 AND payment_id = $2";

  private PaymentSql() {
  }
}
