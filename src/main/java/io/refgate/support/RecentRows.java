package io.refgate.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Recent copies of rows that every event reads and that rarely change (a tenant's settings, a
 * campaign's rules), so that an event costs PostgreSQL a statement less for each. A change made
 * through this instance is seen here at once, and by other instances within {@code maxAge}.
 */
public final class RecentRows<K, V> {
  private static final int MAX_ROWS = 10_000;

  private final Cache<K, V> rows;

  public RecentRows(Duration maxAge) {
    this.rows = Caffeine.newBuilder().maximumSize(MAX_ROWS).expireAfterWrite(maxAge).build();
  }

  /** The recent copy, else what {@code load} finds (null for no row, which is not kept). */
  public Future<V> get(K key, Supplier<Future<V>> load) {
    V recent = rows.getIfPresent(key);
    if (recent != null) {
      return Future.succeededFuture(recent);
    }
    return load.get().onSuccess(found -> {
      if (found != null) {
        rows.put(key, found);
      }
    });
  }

  public void forget(K key) {
    rows.invalidate(key);
  }
}
