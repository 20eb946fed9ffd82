package io.refgate.testing;

/** Reads a value from a Prometheus text exposition. */
public final class Metrics {
  private Metrics() {
  }

  /** The sum of the samples whose line starts with {@code prefix} (a metric name, maybe with labels). */
  public static double sum(String exposition, String prefix) {
    return exposition.lines().filter(l -> l.startsWith(prefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }
}
