package io.refgate.bench;

import io.refgate.redirect.ClickIds;
import io.refgate.redirect.CookiePolicy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The two Set-Cookie values of a redirect, from attributes rendered once per tenant. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class CookiePolicyBench {
  private CookiePolicy cookies;
  private String code = "Xk3f9QaL";
  private String clickId;

  @Setup
  public void render() {
    cookies = new CookiePolicy(90, "acme.example", true);
    clickId = ClickIds.encode(ClickIds.next(System.currentTimeMillis()));
  }

  @Benchmark
  public String clickCookie() {
    return cookies.clickCookie(clickId);
  }

  @Benchmark
  public String refCookie() {
    return cookies.refCookie(code);
  }
}
