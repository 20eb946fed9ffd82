package io.refgate.cache;

final class LinkLookupSql {
  static final String BY_CODE = """
      SELECT l.id, l.code, l.tenant_id, l.campaign_id, l.active,
             coalesce(l.destination_url, c.destination_url) AS destination_url,
             t.cookie_domain, t.attribution_window_days, t.attribution_model, t.ref_param, t.click_param
        FROM links l
        JOIN campaigns c ON c.id = l.campaign_id
        JOIN tenants t ON t.id = l.tenant_id
       WHERE l.code = $1
      """;

  private LinkLookupSql() {
  }
}
