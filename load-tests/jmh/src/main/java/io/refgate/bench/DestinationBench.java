package io.refgate.bench;

import io.refgate.redirect.ClickIds;
import io.refgate.redirect.Destination;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Location of a redirect, from a destination compiled once per link: the plain case, and a
 * referral link carrying the visitor's utm_* parameters (one of which the destination reserves).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class DestinationBench {
  private Destination destination;
  private String code = "Xk3f9QaL";
  private String clickId;
  private String visitorQuery = "utm_source=newsletter&utm_medium=email&utm_campaign=spring+2026&ref=spoofed";

  @Setup
  public void compile() {
    destination = Destination.of("https://shop.example/signup?plan=business", "ref", "click_id");
    clickId = ClickIds.encode(ClickIds.next(System.currentTimeMillis()));
  }

  @Benchmark
  public String withoutVisitorQuery() {
    return destination.location(code, clickId, null);
  }

  @Benchmark
  public String withVisitorQuery() {
    return destination.location(code, clickId, visitorQuery);
  }
}
