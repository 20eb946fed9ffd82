package io.refgate.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The sendXxx helpers every handler ends with. */
public final class Responses {
  private Responses() {
  }

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  public static void ok(RoutingContext ctx, JsonObject body) {
    json(ctx, 200, body);
  }

  public static void created(RoutingContext ctx, JsonObject body) {
    json(ctx, 201, body);
  }

  /** 201 for a first call, 200 for a replay or an existing resource. */
  public static void createdOr200(RoutingContext ctx, boolean created, JsonObject body) {
    json(ctx, created ? 201 : 200, body);
  }

  public static void noContent(RoutingContext ctx) {
    ctx.response().setStatusCode(204).end();
  }
}
