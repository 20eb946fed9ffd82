package io.refgate.tenants;

final class TenantSql {
  static final String COLUMNS = """
      id, name, allowed_hosts, cookie_domain, attribution_window_days, attribution_model, ref_param, click_param,
      stripe_webhook_secret, created_at""";

  static final String INSERT = """
      INSERT INTO tenants (id, name, allowed_hosts, cookie_domain, attribution_window_days, attribution_model,
                           ref_param, click_param, stripe_webhook_secret)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      RETURNING\s""" + COLUMNS;

  static final String BY_ID = "SELECT " + COLUMNS + " FROM tenants WHERE id = $1";

  static final String BY_ID_FOR_UPDATE = BY_ID + " FOR UPDATE";

  static final String UPDATE = """
      UPDATE tenants
         SET name = $2, allowed_hosts = $3, cookie_domain = $4, attribution_window_days = $5, attribution_model = $6,
             ref_param = $7, click_param = $8, stripe_webhook_secret = $9, updated_at = now()
       WHERE id = $1
      RETURNING\s""" + COLUMNS;

  static final String INSERT_KEY = "INSERT INTO api_keys (key_hash, prefix, tenant_id) VALUES ($1, $2, $3)";

  static final String REVOKE_KEY = """
      UPDATE api_keys SET revoked_at = now()
       WHERE tenant_id = $1 AND prefix = $2 AND revoked_at IS NULL""";

  static final String TENANT_OF_KEY = "SELECT tenant_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL";

  static final String BY_NAME = "SELECT " + COLUMNS + " FROM tenants WHERE name = $1 ORDER BY created_at LIMIT 1";

  private TenantSql() {
  }
}
