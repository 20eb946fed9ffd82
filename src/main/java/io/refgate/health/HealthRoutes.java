package io.refgate.health;

import io.refgate.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** /health/live and /health/ready, on both ports. */
public final class HealthRoutes {
  private final HealthChecks checks;

  private HealthRoutes(HealthChecks checks) {
    this.checks = checks;
  }

  public static void mount(Router router, HealthChecks checks) {
    HealthRoutes routes = new HealthRoutes(checks);
    router.get("/health/live").handler(HealthRoutes::live);
    router.get("/health/ready").handler(routes::ready);
  }

  private static void live(RoutingContext ctx) {
    Responses.ok(ctx, new JsonObject().put("status", "UP"));
  }

  private void ready(RoutingContext ctx) {
    checks.ready().onSuccess(r -> Responses.json(ctx, r.ready() ? 200 : 503, r.body())).onFailure(ctx::fail);
  }
}
