package io.refgate.cache;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.UUID;

/**
 * What a referral code answers, as stored: the link joined with its campaign's destination and its
 * tenant's redirect settings. This is what Redis caches; the redirect compiles it once per local
 * cache fill into the parts it appends.
 */
public record LinkRecord(
    long linkId,
    String code,
    UUID tenantId,
    UUID campaignId,
    boolean active,
    String destinationUrl,
    String cookieDomain,
    int windowDays,
    String attributionModel,
    String refParam,
    String clickParam) {

  static LinkRecord fromRow(Row row) {
    return new LinkRecord(row.getLong("id"), row.getString("code"), row.getUUID("tenant_id"), row.getUUID("campaign_id"),
        row.getBoolean("active"), row.getString("destination_url"), row.getString("cookie_domain"),
        row.getInteger("attribution_window_days"), row.getString("attribution_model"), row.getString("ref_param"),
        row.getString("click_param"));
  }

  String toJson() {
    return new JsonObject()
        .put("link_id", linkId).put("code", code).put("tenant_id", tenantId.toString())
        .put("campaign_id", campaignId.toString()).put("active", active).put("destination_url", destinationUrl)
        .put("cookie_domain", cookieDomain).put("window_days", windowDays).put("model", attributionModel)
        .put("ref_param", refParam).put("click_param", clickParam)
        .encode();
  }

  static LinkRecord fromJson(String json) {
    JsonObject o = new JsonObject(json);
    return new LinkRecord(o.getLong("link_id"), o.getString("code"), UUID.fromString(o.getString("tenant_id")),
        UUID.fromString(o.getString("campaign_id")), o.getBoolean("active"), o.getString("destination_url"),
        o.getString("cookie_domain"), o.getInteger("window_days"), o.getString("model"), o.getString("ref_param"),
        o.getString("click_param"));
  }
}
