package io.refgate.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** refgate_events_total{type,outcome}: processed, replayed, conflict, invalid or unavailable. */
public final class EventMetrics {
  public enum Outcome { PROCESSED, REPLAYED, CONFLICT, INVALID, UNAVAILABLE }

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public EventMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void record(String type, Outcome outcome) {
    String name = outcome.name().toLowerCase(Locale.ROOT);
    counters.computeIfAbsent(type + '/' + name, key -> Counter.builder("refgate.events")
        .description("Events from customer backends and Stripe, by type and outcome")
        .tag("type", type).tag("outcome", name).register(registry)).increment();
  }
}
