package io.refgate.events;

import io.vertx.core.json.JsonObject;

/** What an event call answers: 201 for a first effect, 200 for a replay or an existing result. */
public record Answer(int status, JsonObject body) {
  public static Answer created(JsonObject body) {
    return new Answer(201, body);
  }

  public static Answer existing(JsonObject body) {
    return new Answer(200, body);
  }
}
