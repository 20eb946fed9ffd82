package io.refgate.bench;

import io.refgate.redirect.CodeSyntax;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The first step of every redirect: is the path after /r/ a well-formed code? */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class CodeSyntaxBench {
  private static final int PREFIX = "/r/".length();

  // not final, so that the JIT cannot fold the checks into constants
  private String generated = "/r/Xk3f9QaL";
  private String longest = "/r/spring-2026_newsletter-ana-b12";
  private String malformed = "/r/Xk3f9QaL%27";

  @Benchmark
  public boolean generatedCode() {
    return CodeSyntax.isValid(generated, PREFIX);
  }

  @Benchmark
  public boolean longestCode() {
    return CodeSyntax.isValid(longest, PREFIX);
  }

  @Benchmark
  public boolean malformedCode() {
    return CodeSyntax.isValid(malformed, PREFIX);
  }
}
