package io.refgate.links;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/** A referral link as the API shows it; {@code destinationUrl} is the one the redirect uses. */
public record Link(
    long id,
    String code,
    boolean active,
    String userId,
    UUID campaignId,
    String destinationUrl,
    long humanClicks,
    long botClicks,
    Instant createdAt) {

  public JsonObject toJson(String publicBaseUrl) {
    return new JsonObject()
        .put("code", code)
        .put("active", active)
        .put("user_id", userId)
        .put("campaign_id", campaignId.toString())
        .put("destination_url", destinationUrl)
        .put("link", publicBaseUrl + "/r/" + code)
        .put("clicks", humanClicks)
        .put("bot_clicks", botClicks)
        .put("created_at", createdAt.toString());
  }
}
