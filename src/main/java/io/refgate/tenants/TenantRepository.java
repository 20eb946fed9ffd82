package io.refgate.tenants;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Tenants and their API keys in PostgreSQL. Methods take the client so they can join a transaction. */
public final class TenantRepository {

  public Future<Tenant> insert(SqlClient sql, Tenant tenant) {
    return sql.preparedQuery(TenantSql.INSERT).execute(settings(tenant)).map(TenantRepository::single);
  }

  public Future<Tenant> find(SqlClient sql, UUID id) {
    return sql.preparedQuery(TenantSql.BY_ID).execute(Tuple.of(id)).map(TenantRepository::single);
  }

  /** The tenant, locked until the transaction ends, so that concurrent PATCHes apply in turn. */
  public Future<Tenant> lock(SqlClient sql, UUID id) {
    return sql.preparedQuery(TenantSql.BY_ID_FOR_UPDATE).execute(Tuple.of(id)).map(TenantRepository::single);
  }

  public Future<Tenant> findByName(SqlClient sql, String name) {
    return sql.preparedQuery(TenantSql.BY_NAME).execute(Tuple.of(name)).map(TenantRepository::single);
  }

  public Future<Tenant> update(SqlClient sql, Tenant tenant) {
    return sql.preparedQuery(TenantSql.UPDATE).execute(settings(tenant)).map(TenantRepository::single);
  }

  public Future<Void> insertKey(SqlClient sql, UUID tenantId, ApiKeys.Key key) {
    return sql.preparedQuery(TenantSql.INSERT_KEY).execute(Tuple.of(Buffer.buffer(key.hash()), key.prefix(), tenantId)).mapEmpty();
  }

  /** Whether an active key with that prefix existed (and is now revoked). */
  public Future<Boolean> revokeKey(SqlClient sql, UUID tenantId, String prefix) {
    return sql.preparedQuery(TenantSql.REVOKE_KEY).execute(Tuple.of(tenantId, prefix)).map(rows -> rows.rowCount() > 0);
  }

  /** The tenant of an active key, or null. */
  public Future<UUID> tenantOfKey(SqlClient sql, byte[] keyHash) {
    return sql.preparedQuery(TenantSql.TENANT_OF_KEY).execute(Tuple.of(Buffer.buffer(keyHash)))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("tenant_id"));
  }

  private static Tuple settings(Tenant t) {
    return Tuple.of(t.id(), t.name(), t.allowedHosts().toArray(String[]::new), t.cookieDomain(), t.attributionWindowDays(),
        t.attributionModel(), t.refParam(), t.clickParam(), t.stripeWebhookSecret());
  }

  private static Tenant single(RowSet<Row> rows) {
    return rows.size() == 0 ? null : fromRow(rows.iterator().next());
  }

  static Tenant fromRow(Row row) {
    OffsetDateTime created = row.getOffsetDateTime("created_at");
    return new Tenant(row.getUUID("id"), row.getString("name"), List.of(row.getArrayOfStrings("allowed_hosts")),
        row.getString("cookie_domain"), row.getInteger("attribution_window_days"), row.getString("attribution_model"),
        row.getString("ref_param"), row.getString("click_param"), row.getString("stripe_webhook_secret"),
        created == null ? null : created.toInstant());
  }
}
