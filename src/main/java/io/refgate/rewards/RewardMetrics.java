package io.refgate.rewards;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** refgate_rewards_total{status}: ledger entries by the status they entered. */
public final class RewardMetrics {
  public enum Status { PENDING, APPROVED, PAID, CANCELLED, CLAWBACK }

  private final Map<Status, Counter> counters = new EnumMap<>(Status.class);

  public RewardMetrics(MeterRegistry registry) {
    for (Status status : Status.values()) {
      counters.put(status, Counter.builder("refgate.rewards").description("Reward ledger entries by the status they entered")
          .tag("status", status.name().toLowerCase(Locale.ROOT)).register(registry));
    }
  }

  void record(Status status, long count) {
    counters.get(status).increment(count);
  }
}
