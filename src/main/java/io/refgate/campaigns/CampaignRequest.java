package io.refgate.campaigns;

import io.refgate.http.Input;
import io.refgate.tenants.AllowedHosts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Campaign fields from a request body over a base (defaults for POST, the stored campaign for
 * PATCH). Nested objects (rewards, segment, experiment) are replaced whole, never merged.
 */
public final class CampaignRequest {
  private static final int MAX_SEGMENT_ATTRIBUTES = 20;

  private CampaignRequest() {
  }

  public static Campaign create(JsonObject body, UUID tenantId, List<String> allowedHosts) {
    Input in = Input.of(body);
    in.requirePresent("name", "destination_url", "referrer_reward");
    Campaign draft = new Campaign(UUID.randomUUID(), tenantId, null, null, null, null, Campaign.DEFAULT_HOLD_DAYS, Map.of(),
        Campaign.DEFAULT_PRIORITY, null, true, null);
    return apply(in, draft, allowedHosts);
  }

  public static Campaign patch(JsonObject body, Campaign current, List<String> allowedHosts) {
    return apply(Input.of(body), current, allowedHosts);
  }

  private static Campaign apply(Input in, Campaign base, List<String> allowedHosts) {
    String name = in.has("name") ? in.required("name", in.string("name", 1, 200)) : base.name();
    String destination = in.has("destination_url") ? in.required("destination_url", destination(in, allowedHosts)) : base.destinationUrl();
    RewardRule referrer = in.has("referrer_reward")
        ? in.required("referrer_reward", reward(in, "referrer_reward", null)) : base.referrerReward();
    RewardRule referee = in.has("referee_reward") ? reward(in, "referee_reward", RewardRule.Trigger.SIGNUP) : base.refereeReward();
    int holdDays = in.has("hold_days") ? orElse(in.required("hold_days", in.smallInteger("hold_days", 0, 3650)), base.holdDays())
        : base.holdDays();
    Map<String, List<String>> segment = in.has("segment") ? segment(in) : base.segment();
    int priority = in.has("priority")
        ? orElse(in.required("priority", in.smallInteger("priority", -1_000_000, 1_000_000)), base.priority()) : base.priority();
    Campaign.Experiment experiment = in.has("experiment") ? experiment(in) : base.experiment();
    boolean active = in.has("active") ? Boolean.TRUE.equals(in.required("active", in.bool("active"))) : base.active();
    in.check();
    return new Campaign(base.id(), base.tenantId(), name, destination, referrer, referee, holdDays, segment, priority, experiment,
        active, base.createdAt());
  }

  static String destination(Input in, List<String> allowedHosts) {
    String url = in.string("destination_url", 1, 2048);
    if (url == null) {
      return null;
    }
    String problem = AllowedHosts.problemWith(url, allowedHosts);
    return problem == null ? url : in.fail("destination_url", problem);
  }

  private static RewardRule reward(Input in, String field, RewardRule.Trigger defaultTrigger) {
    Input nested = in.object(field);
    return nested == null ? null : RewardRule.parse(nested, defaultTrigger);
  }

  private static Map<String, List<String>> segment(Input in) {
    Input nested = in.object("segment");
    if (nested == null) {
      return Map.of();
    }
    JsonObject raw = nested.raw();
    if (raw.size() > MAX_SEGMENT_ATTRIBUTES) {
      return in.fail("segment", "may list at most " + MAX_SEGMENT_ATTRIBUTES + " attributes");
    }
    Map<String, List<String>> segment = new LinkedHashMap<>();
    for (String attribute : raw.fieldNames()) {
      if (!(raw.getValue(attribute) instanceof JsonArray) || attribute.isEmpty() || attribute.length() > 100) {
        nested.error(attribute, "must be an array of allowed values");
        continue;
      }
      List<String> values = nested.strings(attribute, 1, 100, 255);
      if (values != null) {
        segment.put(attribute, values);
      }
    }
    return segment;
  }

  private static Campaign.Experiment experiment(Input in) {
    Input nested = in.object("experiment");
    if (nested == null) {
      return null;
    }
    String key = nested.requiredString("key", 1, 100);
    Integer weight = nested.required("weight", nested.smallInteger("weight", 1, 1_000_000));
    return key == null || weight == null ? null : new Campaign.Experiment(key, weight);
  }

  private static int orElse(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
