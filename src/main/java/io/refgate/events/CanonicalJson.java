package io.refgate.events;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.TreeSet;

/**
 * A JSON body written with sorted keys, no spaces and numbers in one form (10000 and 10000.0 are
 * the same amount), so that "the same body" means the same content, however the sender wrote it.
 */
public final class CanonicalJson {
  private CanonicalJson() {
  }

  public static String of(JsonObject body) {
    return sorted(body).encode();
  }

  private static JsonObject sorted(JsonObject object) {
    JsonObject copy = new JsonObject();
    for (String key : new TreeSet<>(object.fieldNames())) {
      copy.put(key, sortedValue(object.getValue(key)));
    }
    return copy;
  }

  private static Object sortedValue(Object value) {
    if (value instanceof JsonObject object) {
      return sorted(object);
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros();
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(sortedValue(item)));
      return copy;
    }
    return value;
  }
}
