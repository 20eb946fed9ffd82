package io.refgate.clicks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The bounded hand-over between the event loops that answer redirects and the batch writer. Never
 * blocks: when it is full (PostgreSQL down for long) a click is dropped and counted.
 */
public final class ClickBuffer {
  private final ArrayBlockingQueue<Click> queue;
  private final Counter dropped;

  public ClickBuffer(int capacity, MeterRegistry registry) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.dropped = Counter.builder("refgate.clicks.dropped").description("Clicks dropped because the click buffer was full")
        .register(registry);
  }

  public void offer(Click click) {
    if (!queue.offer(click)) {
      dropped.increment();
    }
  }

  List<Click> drain(int max) {
    List<Click> batch = new ArrayList<>(Math.min(max, queue.size()));
    queue.drainTo(batch, max);
    return batch;
  }

  public int size() {
    return queue.size();
  }
}
