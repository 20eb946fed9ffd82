package io.refgate.links;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Referrers and their links in PostgreSQL, scoped by tenant. */
public final class LinkRepository {

  record ActiveLink(String code, UUID campaignId) {
  }

  /** The referrer's id, locked until the transaction ends; null when it is new. */
  Future<Long> lockReferrer(SqlClient sql, UUID tenantId, String userId) {
    return sql.preparedQuery(LinkSql.LOCK_REFERRER).execute(Tuple.of(tenantId, userId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
  }

  Future<Long> insertReferrer(SqlClient sql, UUID tenantId, Referrer r, byte[] emailHash, UUID campaignId) {
    return sql.preparedQuery(LinkSql.INSERT_REFERRER)
        .execute(Tuple.of(tenantId, r.userId(), r.organizationId(), buffer(emailHash), json(r.attributes()), r.partner(), campaignId))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** Updates what was given and answers the attributes now stored. */
  Future<Map<String, String>> updateReferrer(SqlClient sql, long id, Referrer r, byte[] emailHash) {
    return sql.preparedQuery(LinkSql.UPDATE_REFERRER)
        .execute(Tuple.of(id, r.organizationId(), buffer(emailHash), json(r.attributes()), r.partner()))
        .map(rows -> attributes(rows.iterator().next()));
  }

  Future<Void> setReferrerCampaign(SqlClient sql, long referrerId, UUID campaignId) {
    return sql.preparedQuery(LinkSql.SET_REFERRER_CAMPAIGN).execute(Tuple.of(referrerId, campaignId)).mapEmpty();
  }

  /** The referrer's id and campaign, or null. */
  Future<Row> referrerByUser(SqlClient sql, UUID tenantId, String userId) {
    return sql.preparedQuery(LinkSql.REFERRER_BY_USER).execute(Tuple.of(tenantId, userId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
  }

  Future<ActiveLink> activeLink(SqlClient sql, long referrerId) {
    return sql.preparedQuery(LinkSql.ACTIVE_LINK).execute(Tuple.of(referrerId))
        .map(rows -> rows.size() == 0 ? null : new ActiveLink(rows.iterator().next().getString("code"),
            rows.iterator().next().getUUID("campaign_id")));
  }

  /** Whether the code was free (and is now this link's). */
  Future<Boolean> insertLink(SqlClient sql, String code, UUID tenantId, long referrerId, UUID campaignId, String destination) {
    return sql.preparedQuery(LinkSql.INSERT_LINK).execute(Tuple.of(code, tenantId, referrerId, campaignId, destination))
        .map(rows -> rows.size() == 1);
  }

  Future<Link> view(SqlClient sql, UUID tenantId, String code) {
    return sql.preparedQuery(LinkSql.VIEW).execute(Tuple.of(code, tenantId))
        .map(rows -> rows.size() == 0 ? null : link(rows.iterator().next()));
  }

  /** Whether the link exists in the tenant. */
  Future<Boolean> update(SqlClient sql, UUID tenantId, String code, LinkRequest.Change change) {
    return sql.preparedQuery(LinkSql.UPDATE_LINK)
        .execute(Tuple.of(code, tenantId, change.active(), change.setsDestination(), change.destinationUrl()))
        .map(rows -> rows.rowCount() == 1);
  }

  Future<Void> insertActivity(SqlClient tx, UUID tenantId, long referrerId, String type, Instant occurredAt) {
    return tx.preparedQuery(LinkSql.INSERT_ACTIVITY).execute(Tuple.of(tenantId, referrerId, type, occurredAt.atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }

  private static Link link(Row row) {
    return new Link(row.getLong("id"), row.getString("code"), row.getBoolean("active"), row.getString("user_id"),
        row.getUUID("campaign_id"), row.getString("destination_url"), row.getLong("human"), row.getLong("bots"), row.getOffsetDateTime("created_at").toInstant());
  }

  private static Map<String, String> attributes(Row row) {
    Map<String, String> attributes = new LinkedHashMap<>();
    ((JsonObject) row.getValue("attributes")).forEach(e -> attributes.put(e.getKey(), String.valueOf(e.getValue())));
    return attributes;
  }

  private static JsonObject json(Map<String, String> attributes) {
    return attributes == null ? null : new JsonObject(new LinkedHashMap<>(attributes));
  }

  private static Buffer buffer(byte[] bytes) {
    return bytes == null ? null : Buffer.buffer(bytes);
  }
}
