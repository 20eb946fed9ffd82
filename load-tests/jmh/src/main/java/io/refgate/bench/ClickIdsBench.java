package io.refgate.bench;

import io.refgate.redirect.ClickIds;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A fresh click id as the redirect makes one: the clock, a UUIDv7, its 22-character text. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ClickIdsBench {
  @Benchmark
  public String nextAndEncode() {
    return ClickIds.encode(ClickIds.next(System.currentTimeMillis()));
  }
}
