package io.refgate.stripe;

final class StripeSql {
  static final String LINK_CUSTOMER = """
      INSERT INTO stripe_customers (tenant_id, customer_id, user_id, organization_id, refgate_code) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (tenant_id, customer_id) DO UPDATE
         SET user_id = excluded.user_id, organization_id = excluded.organization_id, refgate_code = excluded.refgate_code,
             updated_at = now()""";

  static final String CUSTOMER = "SELECT user_id, organization_id FROM stripe_customers WHERE tenant_id = $1 AND customer_id = $2";

  static final String ADD_ALIAS = """
      INSERT INTO stripe_payment_aliases (tenant_id, alias, payment_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING""";

  static final String PAYMENT_OF_ALIAS = "SELECT payment_id FROM stripe_payment_aliases WHERE tenant_id = $1 AND alias = $2";

  private StripeSql() {
  }
}
