package io.refgate.clicks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.refgate.config.RefgateConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the click buffer into the sink every clicks.flush_interval_ms, as a chain of batches with
 * up to clicks.writer_connections in flight. A drain sizes its batches from what waits (see
 * {@link #batchSize}); when its last batch is stored and a full batch waits again, the next drain
 * starts at once. A failed batch is kept and retried first (one at a time while the sink is
 * failing); meanwhile new clicks wait in the bounded buffer. Runs on one context, so its own state needs no locks; the counters it
 * publishes are read by metric scrapes from other threads.
 */
public final class ClickWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ClickWriter.class);
  private static final long POLL_MS = 5;
  private static final int BATCHES_PER_DRAIN = 16;
  private static final Comparator<Click> BY_LINK = Comparator.comparingLong(Click::linkId);

  private final Vertx vertx;
  private final ClickBuffer buffer;
  private final ClickSink sink;
  private final RefgateConfig.Clicks config;
  private final Deque<List<Click>> retries = new ArrayDeque<>();
  private final Deque<List<Click>> drained = new ArrayDeque<>();
  private final AtomicLong held = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final Counter writtenCounter;
  private int inFlight;
  private boolean failing;
  private long timerId = -1;
  private Context context;

  public ClickWriter(Vertx vertx, ClickBuffer buffer, ClickSink sink, RefgateConfig.Clicks config, MeterRegistry registry) {
    this.vertx = vertx;
    this.buffer = buffer;
    this.sink = sink;
    this.config = config;
    this.writtenCounter = Counter.builder("refgate.clicks.written").description("Clicks stored by the batch writer")
        .register(registry);
    Gauge.builder("refgate.clicks.pending", this, ClickWriter::pending)
        .description("Clicks answered but not yet stored").register(registry);
  }

  /** Starts the periodic drain; call on the context the writer is to run on. */
  public void start() {
    context = vertx.getOrCreateContext();
    timerId = vertx.setPeriodic(config.flushIntervalMs(), id -> drainWaiting());
  }

  public long pending() {
    return buffer.size() + held.get();
  }

  /**
   * Completes once every click that was pending when it was called is stored (or after
   * {@code timeoutMs}, failing), on the caller's context: attribution uses it for a click answered
   * moments ago, and goes on to answer its request, which must happen on that request's event loop.
   */
  public Future<Void> flush(long timeoutMs) {
    Context caller = vertx.getOrCreateContext();
    long target = written.get() + pending();
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      drainWaiting();
      awaitWritten(target, System.currentTimeMillis() + timeoutMs, done);
    });
    return Future.fromCompletionStage(done.future().toCompletionStage(), caller);
  }

  /** Stops the timer and stores everything buffered, for at most clicks.drain_timeout_ms. */
  public Future<Void> drain() {
    vertx.cancelTimer(timerId);
    Promise<Void> done = Promise.promise();
    long deadline = System.currentTimeMillis() + config.drainTimeoutMs();
    context.runOnContext(v -> {
      drainWaiting();
      awaitWritten(Long.MAX_VALUE, deadline, done);
    });
    return done.future().onFailure(e -> LOG.error("{} clicks could not be stored before shutdown: {}", pending(), e.getMessage()));
  }

  private void awaitWritten(long target, long deadline, Promise<Void> done) {
    if (written.get() >= target || pending() == 0) {
      done.complete();
    } else if (System.currentTimeMillis() > deadline) {
      done.fail("clicks still pending: " + pending());
    } else {
      vertx.setTimer(POLL_MS, id -> {
        drainWaiting();
        awaitWritten(target, deadline, done);
      });
    }
  }

  /**
   * Clicks per batch when {@code waiting} clicks wait: about a sixteenth of them, within
   * clicks.min_batch_size and clicks.batch_size. PostgreSQL runs each statement without a break,
   * so on a host it shares with the gateway, an event loop that needs its core waits until the
   * statement ends or the scheduler's next tick: the usual drain goes in statements of a
   * millisecond or so, and a backlog in big ones, which cost it less per click.
   */
  static int batchSize(int waiting, int min, int max) {
    return Math.min(max, Math.max(min, waiting / BATCHES_PER_DRAIN));
  }

  /**
   * Takes what waits into batches once the last drain's are all sent. Sorted by link first, so that
   * a link's clicks share a batch: each batch updates the hourly counter of every link it holds, and
   * unsorted, the load test's drains made half again as many counter updates in eight batches as in
   * one.
   */
  private void drainWaiting() {
    if (drained.isEmpty()) {
      List<Click> waiting = buffer.drain(config.batchSize() * BATCHES_PER_DRAIN);
      held.addAndGet(waiting.size());
      waiting.sort(BY_LINK);
      int size = batchSize(waiting.size(), config.minBatchSize(), config.batchSize());
      for (int from = 0; from < waiting.size(); from += size) {
        drained.addLast(waiting.subList(from, Math.min(waiting.size(), from + size)));
      }
    }
    pump();
  }

  private void pump() {
    int limit = failing ? 1 : config.writerConnections();
    while (inFlight < limit) {
      List<Click> batch = retries.isEmpty() ? drained.pollFirst() : retries.pollFirst();
      if (batch == null) {
        return;
      }
      send(batch);
    }
  }

  private void send(List<Click> batch) {
    inFlight++;
    sink.write(batch).onComplete(ar -> {
      inFlight--;
      if (ar.succeeded()) {
        held.addAndGet(-batch.size());
        written.addAndGet(batch.size());
        writtenCounter.increment(batch.size());
        if (failing) {
          LOG.info("click writer recovered; {} clicks pending", pending());
          failing = false;
        }
        if (!retries.isEmpty() || !drained.isEmpty()) {
          pump();
        } else if (buffer.size() >= config.batchSize()) {
          drainWaiting();
        }
      } else {
        retries.addLast(batch);
        if (!failing) {
          LOG.warn("click batch not stored, will retry: {}", ar.cause().getMessage());
          failing = true;
        }
      }
    });
  }
}
