package io.refgate.links;

import io.refgate.http.Input;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POST /v1/referrers bodies. Attribute values may be strings, numbers or booleans; they compare as
 * text. Fields left out keep their stored value when the referrer exists (null here).
 */
public final class ReferrerRequest {
  private static final int MAX_ATTRIBUTES = 50;

  private ReferrerRequest() {
  }

  public static Referrer parse(JsonObject body) {
    Input in = Input.of(body);
    String userId = in.requiredString("user_id", 1, 255);
    String organizationId = in.string("organization_id", 1, 255);
    String email = in.email("email");
    Map<String, String> attributes = attributes(in);
    Boolean partner = in.bool("partner");
    in.check();
    return new Referrer(userId, organizationId, email, attributes, partner);
  }

  private static Map<String, String> attributes(Input in) {
    Input nested = in.object("attributes");
    if (nested == null) {
      return null;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    JsonObject raw = nested.raw();
    if (raw.size() > MAX_ATTRIBUTES) {
      return in.fail("attributes", "may hold at most " + MAX_ATTRIBUTES + " attributes");
    }
    for (String name : raw.fieldNames()) {
      Object value = raw.getValue(name);
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        String text = value.toString();
        if (text.length() <= 255 && name.length() <= 100) {
          attributes.put(name, text);
          continue;
        }
      }
      nested.error(name, "must be a string, number or boolean of at most 255 characters");
    }
    return attributes;
  }
}
