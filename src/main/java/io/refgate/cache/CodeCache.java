package io.refgate.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.refgate.config.RefgateConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code lookup chain: in-process cache → Redis → PostgreSQL, with negative entries for unknown
 * codes at every layer. The local layer holds values already compiled for answering ({@code V});
 * concurrent misses for one code share one remote lookup (the pending future sits in the cache).
 * Edits call {@link #invalidate}: local entries go at once, Redis keys at once and again after
 * cache.invalidation_delay_ms, which removes a value that a lookup racing the edit read before the
 * commit and wrote back after the first delete (lookups give up after pg.lookup_timeout_ms, which
 * is shorter). After each delete the codes are announced through {@link EditNotices}, so other
 * instances drop their local copies within cache.edit_poll_ms; local entries that no
 * announcement could reach live at most cache.local_ttl_ms.
 */
public final class CodeCache<V> {
  private static final Logger LOG = LoggerFactory.getLogger(CodeCache.class);
  private static final String NEGATIVE = "-";
  private static final int DELETE_CHUNK = 500;
  /** An edit waits this long at most for Redis to forget the old answer. */
  private static final long INVALIDATION_TIMEOUT_MS = 1_000;

  private final Vertx vertx;
  private final Pool pool;
  private final GuardedRedis redis;
  private final RefgateConfig.Cache config;
  private final int lookupTimeoutMs;
  private final String keyPrefix;
  private final Function<LinkRecord, V> compile;
  private final LookupMetrics metrics;
  private final EditNotices notices;
  private final AsyncCache<String, Local<V>> local;

  /** A locally cached answer and when its lookup started. */
  private record Local<V>(Optional<V> value, long lookedUpAt) {
  }

  public CodeCache(Vertx vertx, Pool pool, GuardedRedis redis, EditNotices notices, RefgateConfig config,
      Function<LinkRecord, V> compile, LookupMetrics metrics) {
    this.vertx = vertx;
    this.pool = pool;
    this.redis = redis;
    this.notices = notices;
    this.config = config.cache();
    this.lookupTimeoutMs = config.pg().lookupTimeoutMs();
    this.keyPrefix = config.redis().keyPrefix() + "code:";
    this.compile = compile;
    this.metrics = metrics;
    this.local = Caffeine.newBuilder()
        .maximumSize(this.config.localMaxEntries())
        .expireAfterWrite(Duration.ofSeconds(this.config.localMaxAgeS()))
        .buildAsync();
  }

  /** Starts applying other instances' edits to the local cache. */
  public CodeCache<V> followEdits() {
    notices.follow(codes -> local.synchronous().invalidateAll(codes), () -> local.synchronous().invalidateAll());
    return this;
  }

  /**
   * The locally cached answer when it is ready: a value, {@code Optional.empty()} for a code known
   * not to exist, or null when {@link #resolve} must be called.
   */
  public Optional<V> peek(String code) {
    CompletableFuture<Local<V>> entry = local.getIfPresent(code);
    if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
      return null;
    }
    Local<V> found = entry.join();
    long now = System.currentTimeMillis();
    if (now - found.lookedUpAt() > config.localTtlMs() && !notices.current(now)) {
      local.asMap().remove(code, entry);
      return null;
    }
    metrics.localHit();
    return found.value();
  }

  /** The answer for a code, completing on the caller's context. */
  public Future<Optional<V>> resolve(String code) {
    metrics.localMiss();
    CompletableFuture<Local<V>> entry = local.get(code, (key, executor) -> {
      long started = System.currentTimeMillis();
      return remote(key).map(value -> new Local<>(value, started)).toCompletionStage().toCompletableFuture();
    });
    return Future.fromCompletionStage(entry, vertx.getOrCreateContext()).map(Local::value);
  }

  /** Forgets codes whose answer changed; the returned future completes once Redis has dropped them. */
  public Future<Void> invalidate(Collection<String> codes) {
    if (codes.isEmpty()) {
      return Future.succeededFuture();
    }
    local.synchronous().invalidateAll(codes);
    List<String> copy = List.copyOf(codes);
    vertx.setTimer(config.invalidationDelayMs(), timer -> forgetRemote(copy));
    return forgetRemote(copy);
  }

  private Future<Optional<V>> remote(String code) {
    return redisGet(code).compose(cached -> {
      if (cached != null) {
        metrics.redisHit();
        return Future.succeededFuture(cached.equals(NEGATIVE) ? Optional.empty() : Optional.of(compile.apply(LinkRecord.fromJson(cached))));
      }
      metrics.redisMiss();
      return database(code).map(found -> {
        redisFill(code, found);
        return found.map(compile);
      });
    });
  }

  /** The cached text, or null on a miss or when Redis is unavailable. */
  private Future<String> redisGet(String code) {
    return redis.send(Request.cmd(Command.GET).arg(keyPrefix + code))
        .map(response -> response == null ? null : response.toString())
        .otherwise((String) null);
  }

  private Future<Optional<LinkRecord>> database(String code) {
    return pool.preparedQuery(LinkLookupSql.BY_CODE).execute(Tuple.of(code))
        .timeout(lookupTimeoutMs, TimeUnit.MILLISECONDS)
        .map(rows -> {
          if (rows.size() == 0) {
            metrics.dbMiss();
            return Optional.<LinkRecord>empty();
          }
          metrics.dbHit();
          return Optional.of(LinkRecord.fromRow(rows.iterator().next()));
        });
  }

  private void redisFill(String code, Optional<LinkRecord> found) {
    String value = found.map(LinkRecord::toJson).orElse(NEGATIVE);
    long ttlSeconds = found.isPresent() ? config.redisTtlS() : config.redisNegativeTtlS();
    redis.send(Request.cmd(Command.SET).arg(keyPrefix + code).arg(value).arg("EX").arg(ttlSeconds));
  }

  /** Deletes the codes' Redis keys, then announces the codes to every instance (in that order, so none reads the old key again). */
  private Future<Void> forgetRemote(List<String> codes) {
    List<Future<Void>> chunks = new ArrayList<>();
    for (int from = 0; from < codes.size(); from += DELETE_CHUNK) {
      List<String> chunk = codes.subList(from, Math.min(codes.size(), from + DELETE_CHUNK));
      Request unlink = Request.cmd(Command.UNLINK);
      chunk.forEach(code -> unlink.arg(keyPrefix + code));
      chunks.add(redis.sendOutsideBreaker(unlink, INVALIDATION_TIMEOUT_MS).compose(deleted -> notices.announce(chunk)));
    }
    return Future.join(chunks)
        .onFailure(e -> LOG.warn("could not drop {} edited codes from Redis; other instances may serve them for up to {} s: {}",
            codes.size(), Math.max(config.redisTtlS(), config.localMaxAgeS()), e.getMessage()))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }
}
