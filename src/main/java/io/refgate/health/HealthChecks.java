package io.refgate.health;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;

/**
 * Readiness (CONTRACT §7): PostgreSQL is required; Redis is a cache, so without it Refgate is
 * ready but degraded.
 */
public final class HealthChecks {
  private static final long TIMEOUT_MS = 1000;

  private final Pool pool;
  private final Redis redis;

  public HealthChecks(Pool pool, Redis redis) {
    this.pool = pool;
    this.redis = redis;
  }

  public record Readiness(boolean ready, JsonObject body) {
  }

  public Future<Readiness> ready() {
    Future<Void> pg = pool.query("SELECT 1").execute().timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).mapEmpty();
    Future<Void> cache = redis.send(Request.cmd(Command.PING)).timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).mapEmpty();
    return Future.join(pg, cache).transform(ignored -> {
      boolean ready = pg.succeeded();
      JsonObject checks = new JsonObject()
          .put("postgresql", check(pg, "DOWN"))
          .put("redis", check(cache, "DEGRADED"));
      String status = !ready ? "DOWN" : cache.succeeded() ? "UP" : "DEGRADED";
      return Future.succeededFuture(new Readiness(ready, new JsonObject().put("status", status).put("checks", checks)));
    });
  }

  private static JsonObject check(Future<Void> probe, String failedStatus) {
    JsonObject check = new JsonObject().put("status", probe.succeeded() ? "UP" : failedStatus);
    if (probe.failed()) {
      check.put("detail", probe.cause().getMessage() == null ? probe.cause().getClass().getSimpleName() : probe.cause().getMessage());
    }
    return check;
  }
}
