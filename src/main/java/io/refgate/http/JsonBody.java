package io.refgate.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Request bodies: JSON objects of at most 64 KiB (CONTRACT, Conventions). */
public final class JsonBody {
  public static final int LIMIT_BYTES = 64 * 1024;

  private JsonBody() {
  }

  public static JsonObject of(RoutingContext ctx) {
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw ApiException.malformedJson("the request body must be a JSON object");
    }
    Object value;
    try {
      value = Json.decodeValue(text);
    } catch (DecodeException e) {
      throw ApiException.malformedJson("the request body is not valid JSON");
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw ApiException.malformedJson("the request body must be a JSON object");
  }
}
