package io.refgate.tenants;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One customer product and its redirect and attribution settings (CONTRACT §1). */
public record Tenant(
    UUID id,
    String name,
    List<String> allowedHosts,
    String cookieDomain,
    int attributionWindowDays,
    String attributionModel,
    String refParam,
    String clickParam,
    String stripeWebhookSecret,
    Instant createdAt) {

  public static final String LAST_CLICK = "last_click";
  public static final String FIRST_CLICK = "first_click";

  /** The settings a new tenant starts from; name and allowed hosts have no default. */
  static Tenant draft() {
    return new Tenant(UUID.randomUUID(), null, null, null, 90, LAST_CLICK, "ref", "click_id", null, null);
  }

  /** The API's view: never the Stripe signing secret, only whether one is set. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("name", name)
        .put("allowed_hosts", new JsonArray(allowedHosts))
        .put("cookie_domain", cookieDomain)
        .put("attribution_window_days", attributionWindowDays)
        .put("attribution_model", attributionModel)
        .put("ref_param", refParam)
        .put("click_param", clickParam)
        .put("stripe_webhook_configured", stripeWebhookSecret != null)
        .put("created_at", createdAt == null ? null : createdAt.toString());
  }
}
