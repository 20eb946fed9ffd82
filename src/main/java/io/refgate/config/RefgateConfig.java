package io.refgate.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The typed, validated settings; see config/refgate.yaml for what each one means. */
public record RefgateConfig(
    Http http,
    Management management,
    Admin admin,
    URI publicBaseUrl,
    Pg pg,
    Redis redis,
    Cookie cookie,
    Redirect redirect,
    Cache cache,
    Clicks clicks,
    Signups signups,
    Rewards rewards,
    Bots bots) {

  private static final Set<String> HTTP_SCHEMES = Set.of("http", "https");

  public record Http(String host, int port, int instances, int trustProxyHops) {
  }

  public record Management(String host, int port) {
  }

  public record Admin(String token) {
    public boolean enabled() {
      return !token.isEmpty();
    }
  }

  public record Pg(URI url, int poolSize, int connectTimeoutMs, int lookupTimeoutMs) {
  }

  public record Redis(URI url, String keyPrefix, int poolSize, int timeoutMs, int breakerResetMs) {
  }

  public record Cookie(boolean secure) {
  }

  /** {@code fallbackUrl} is null when unknown codes get a 404. */
  public record Redirect(URI fallbackUrl) {
  }

  public record Cache(int localTtlMs, int localMaxAgeS, int editPollMs, int localMaxEntries, int redisTtlS, int redisNegativeTtlS,
      int invalidationDelayMs) {
  }

  public record Clicks(int bufferCapacity, int minBatchSize, int batchSize, int flushIntervalMs, int writerConnections, int drainTimeoutMs,
      int partitionMonthsAhead) {
  }

  public record Signups(int batchSize, int statementsInFlight) {
  }

  public record Rewards(int approvalIntervalMs) {
  }

  /** {@code file} is null when the bundled crawler list is used. */
  public record Bots(Path file) {
  }

  static RefgateConfig from(Settings s) {
    var pg = new Pg(s.url("pg.url", Set.of("postgresql", "postgres")), s.integer("pg.pool_size", 1, 200),
        s.integer("pg.connect_timeout_ms", 100, 600_000), s.integer("pg.lookup_timeout_ms", 10, 60_000));
    var cache = new Cache(s.integer("cache.local_ttl_ms", 0, 60_000), s.integer("cache.local_max_age_s", 1, 86_400),
        s.integer("cache.edit_poll_ms", 10, 1_000), s.integer("cache.local_max_entries", 0, 100_000_000),
        s.integer("cache.redis_ttl_s", 1, 604_800), s.integer("cache.redis_negative_ttl_s", 1, 86_400),
        s.integer("cache.invalidation_delay_ms", 1, 60_000));
    if (cache.invalidationDelayMs() <= pg.lookupTimeoutMs()) {
      throw ConfigException.invalid("cache.invalidation_delay_ms",
          "must exceed pg.lookup_timeout_ms (" + pg.lookupTimeoutMs() + ")", String.valueOf(cache.invalidationDelayMs()));
    }
    var http = new Http(s.string("http.host"), s.integer("http.port", 0, 65_535), s.integer("http.instances", 0, 256),
        s.integer("http.trust_proxy_hops", 0, 16));
    return new RefgateConfig(
        http,
        new Management(s.string("management.host"), s.integer("management.port", 0, 65_535)),
        new Admin(s.string("admin.token")),
        publicBaseUrl(s, http),
        pg,
        new Redis(s.url("redis.url", Set.of("redis", "rediss")), s.string("redis.key_prefix"),
            s.integer("redis.pool_size", 1, 200), s.integer("redis.timeout_ms", 1, 60_000),
            s.integer("redis.breaker_reset_ms", 10, 3_600_000)),
        new Cookie(s.bool("cookie.secure")),
        new Redirect(s.optionalUrl("redirect.fallback_url", HTTP_SCHEMES)),
        cache,
        clicks(s),
        signups(s, pg),
        new Rewards(s.integer("rewards.approval_interval_ms", 10, 86_400_000)),
        new Bots(existingFile(s, "bots.file")));
  }

  private static Clicks clicks(Settings s) {
    var clicks = new Clicks(s.integer("clicks.buffer_capacity", 1, 50_000_000), s.integer("clicks.min_batch_size", 1, 50_000),
        s.integer("clicks.batch_size", 1, 50_000), s.integer("clicks.flush_interval_ms", 1, 60_000),
        s.integer("clicks.writer_connections", 1, 32), s.integer("clicks.drain_timeout_ms", 0, 3_600_000),
        s.integer("clicks.partition_months_ahead", 1, 120));
    if (clicks.minBatchSize() > clicks.batchSize()) {
      throw ConfigException.invalid("clicks.min_batch_size", "must not exceed clicks.batch_size (" + clicks.batchSize() + ")",
          String.valueOf(clicks.minBatchSize()));
    }
    return clicks;
  }

  private static Signups signups(Settings s, Pg pg) {
    var signups = new Signups(s.integer("signups.batch_size", 1, 1_000), s.integer("signups.statements_in_flight", 1, 200));
    if (signups.statementsInFlight() > pg.poolSize()) {
      throw ConfigException.invalid("signups.statements_in_flight", "must not exceed pg.pool_size (" + pg.poolSize() + ")",
          String.valueOf(signups.statementsInFlight()));
    }
    return signups;
  }

  /** Left empty, the gateway's own port on localhost, which only a fixed port can name. */
  private static URI publicBaseUrl(Settings s, Http http) {
    if (!s.string("public_base_url").isEmpty()) {
      return stripTrailingSlash(s.url("public_base_url", HTTP_SCHEMES));
    }
    if (http.port() == 0) {
      throw ConfigException.invalid("public_base_url", "must be set when http.port is 0 (any free port)", "");
    }
    return URI.create("http://localhost:" + http.port());
  }

  private static URI stripTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }

  private static Path existingFile(Settings s, String key) {
    String value = s.string(key);
    if (value.isEmpty()) {
      return null;
    }
    Path path = Path.of(value);
    if (!Files.isReadable(path)) {
      throw ConfigException.invalid(key, "must name a readable file", value);
    }
    return path;
  }
}
