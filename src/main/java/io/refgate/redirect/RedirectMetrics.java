package io.refgate.redirect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** refgate_redirects_total{outcome} and the refgate_redirect_seconds histogram. */
public final class RedirectMetrics {
  public enum Outcome { REDIRECTED, BOT, NOT_FOUND, INVALID, UNAVAILABLE }

  private final Counter[] outcomes = new Counter[Outcome.values().length];
  private final Timer latency;

  public RedirectMetrics(MeterRegistry registry) {
    for (Outcome outcome : Outcome.values()) {
      outcomes[outcome.ordinal()] = Counter.builder("refgate.redirects").description("Referral link requests by outcome")
          .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
    }
    latency = Timer.builder("refgate.redirect").description("Time to answer a referral link request")
        .publishPercentileHistogram().register(registry);
  }

  void record(Outcome outcome, long startNanos) {
    outcomes[outcome.ordinal()].increment();
    latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }
}
