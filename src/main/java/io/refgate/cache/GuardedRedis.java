package io.refgate.cache;

import io.refgate.config.RefgateConfig;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis behind a circuit breaker: every call has the tight redis.timeout_ms; one failure opens the
 * breaker, and while it is open calls fail at once, so a dead Redis costs one timeout per
 * redis.breaker_reset_ms, not one per request. Callers treat a failure as a cache miss.
 */
public final class GuardedRedis {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedRedis.class);

  private final Redis redis;
  private final CircuitBreaker breaker;

  public GuardedRedis(Vertx vertx, Redis redis, RefgateConfig.Redis config) {
    this.redis = redis;
    this.breaker = CircuitBreaker.create("redis", vertx, new CircuitBreakerOptions()
            .setTimeout(config.timeoutMs())
            .setMaxFailures(1)
            .setResetTimeout(config.breakerResetMs())
            .setNotificationAddress(null))
        .openHandler(v -> LOG.warn("Redis unavailable; serving from the local cache and PostgreSQL"))
        .closeHandler(v -> LOG.info("Redis is back"));
  }

  public Future<Response> send(Request request) {
    return breaker.execute(promise -> redis.send(request).onComplete(promise));
  }

  /**
   * For the few calls whose loss costs correctness rather than a cache hit (invalidations): they
   * go to Redis even while the breaker is open, with a timeout of their own.
   */
  public Future<Response> sendOutsideBreaker(Request request, long timeoutMs) {
    return redis.send(request).timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }
}
