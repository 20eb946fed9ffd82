package io.refgate.campaigns;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant's referral programme: where links go, what it pays, and whom it enrols (CONTRACT §2). */
public record Campaign(
    UUID id,
    UUID tenantId,
    String name,
    String destinationUrl,
    RewardRule referrerReward,
    RewardRule refereeReward,
    int holdDays,
    Map<String, List<String>> segment,
    int priority,
    Experiment experiment,
    boolean active,
    Instant createdAt) {

  public static final int DEFAULT_HOLD_DAYS = 30;
  public static final int DEFAULT_PRIORITY = 100;

  /** Campaigns sharing {@code key} split the referrers they match by {@code weight}. */
  public record Experiment(String key, int weight) {
  }

  public JsonObject toJson() {
    JsonObject segmentJson = new JsonObject();
    segment.forEach((attribute, values) -> segmentJson.put(attribute, new JsonArray(values)));
    return new JsonObject()
        .put("id", id.toString())
        .put("name", name)
        .put("destination_url", destinationUrl)
        .put("referrer_reward", referrerReward.toJson())
        .put("referee_reward", refereeReward == null ? null : refereeReward.toJson())
        .put("hold_days", holdDays)
        .put("segment", segmentJson)
        .put("priority", priority)
        .put("experiment", experiment == null ? null : new JsonObject().put("key", experiment.key()).put("weight", experiment.weight()))
        .put("active", active)
        .put("created_at", createdAt == null ? null : createdAt.toString());
  }
}
