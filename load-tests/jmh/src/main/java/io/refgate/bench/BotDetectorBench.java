package io.refgate.bench;

import io.refgate.redirect.BotDetector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The crawler check with the bundled list. A browser string seen before is a verdict-cache hit,
 * the common case; the uncached path is measured with a stream of distinct browser strings, many
 * more than the verdict cache holds, so that each lookup runs the pattern match (and the cache's
 * insert and eviction, as a never-seen User-Agent does in the gateway).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class BotDetectorBench {
  private static final int DISTINCT = 1 << 20;

  private BotDetector detector;
  private String browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
  private String[] unseen;
  private int next;

  @Setup
  public void load() {
    detector = BotDetector.bundled();
    unseen = new String[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      unseen[i] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0." + i
          + " Safari/537.36";
    }
  }

  @Benchmark
  public boolean cachedBrowser() {
    return detector.isBot(browser);
  }

  @Benchmark
  public boolean uncachedBrowser() {
    return detector.isBot(unseen[next++ & (DISTINCT - 1)]);
  }
}
