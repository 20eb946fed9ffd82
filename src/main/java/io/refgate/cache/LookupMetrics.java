package io.refgate.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** refgate_code_lookups_total{layer,result}: where each code lookup was answered. */
public final class LookupMetrics {
  private final Counter localHit;
  private final Counter localMiss;
  private final Counter redisHit;
  private final Counter redisMiss;
  private final Counter dbHit;
  private final Counter dbMiss;

  public LookupMetrics(MeterRegistry registry) {
    localHit = counter(registry, "local", "hit");
    localMiss = counter(registry, "local", "miss");
    redisHit = counter(registry, "redis", "hit");
    redisMiss = counter(registry, "redis", "miss");
    dbHit = counter(registry, "db", "hit");
    dbMiss = counter(registry, "db", "miss");
  }

  private static Counter counter(MeterRegistry registry, String layer, String result) {
    return Counter.builder("refgate.code.lookups").description("Referral code lookups by cache layer and result")
        .tag("layer", layer).tag("result", result).register(registry);
  }

  void localHit() {
    localHit.increment();
  }

  void localMiss() {
    localMiss.increment();
  }

  void redisHit() {
    redisHit.increment();
  }

  void redisMiss() {
    redisMiss.increment();
  }

  void dbHit() {
    dbHit.increment();
  }

  void dbMiss() {
    dbMiss.increment();
  }
}
