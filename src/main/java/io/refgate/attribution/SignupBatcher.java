package io.refgate.attribution;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.refgate.config.RefgateConfig;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Records the signups that wait for PostgreSQL together. At most {@code statements_in_flight}
 * statements are out at once; signups that arrive meanwhile queue, and the next statement takes up
 * to {@code batch_size} of them. A signup alone is sent at once, so batching adds no wait; under
 * load one statement stores many, and PostgreSQL's cost per statement is spread over them
 * (load-tests/README.md, "Signups stored together").
 *
 * <p>A signup whose user or event id is in a statement that is out, or already in the next one,
 * waits for a later statement. So one statement never holds two rows for one unique key, which
 * PostgreSQL refuses, and two statements of this instance never wait on each other's rows.
 *
 * <p>A signup that could not go out within {@code pg.connect_timeout_ms}, the bound a request waits
 * for a pool connection, fails as unavailable (503) having stored nothing, so that an overloaded or
 * stuck database sheds signups instead of queueing them without end.
 *
 * <p>Called from any event loop; each caller's future completes on the caller's context.
 */
final class SignupBatcher {
  private final Vertx vertx;
  private final Pool pool;
  private final AttributionRepository repository;
  private final int batchSize;
  private final int statementsInFlight;
  private final long maxWaitNanos;
  private final DistributionSummary sizes;

  /** Guarded by this. */
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  /** The users and event ids of the statements that are out. Guarded by this. */
  private final Set<Key> busy = new HashSet<>();
  /** Guarded by this. */
  private int inFlight;

  private record Waiting(AttributionRepository.ClaimedSignup signup, Context context, Promise<Boolean> recorded, long since) {
    Key user() {
      return new Key(signup.signup().tenantId(), true, signup.signup().user().userId());
    }

    Key event() {
      return new Key(signup.claim().claim().tenantId(), false, signup.claim().claim().eventId());
    }
  }

  private record Key(UUID tenantId, boolean user, String id) {
  }

  SignupBatcher(Vertx vertx, Pool pool, AttributionRepository repository, RefgateConfig.Signups config, long maxWaitMs,
      MeterRegistry registry) {
    this.vertx = vertx;
    this.pool = pool;
    this.repository = repository;
    this.batchSize = config.batchSize();
    this.statementsInFlight = config.statementsInFlight();
    this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMs);
    this.sizes = DistributionSummary.builder("refgate.signup.batch.size")
        .description("Signups per statement that records signups")
        .register(registry);
    vertx.setPeriodic(Math.max(10, maxWaitMs / 4), id -> expire());
  }

  /**
   * Whether the signup was recorded: false when its event id was taken or its user signed up
   * before, and nothing was stored. Fails with SQLSTATE {@value io.refgate.store.SqlStates#UNDONE}
   * when the statement undid itself (see {@link AttributionRepository#recordClaimed}).
   */
  Future<Boolean> record(AttributionRepository.ClaimedSignup signup) {
    Promise<Boolean> recorded = Promise.promise();
    List<Waiting> batch;
    synchronized (this) {
      waiting.add(new Waiting(signup, vertx.getOrCreateContext(), recorded, System.nanoTime()));
      batch = next();
    }
    send(batch);
    return recorded.future();
  }

  /** The next statement's signups, if one may go out; none otherwise. */
  private synchronized List<Waiting> next() {
    if (inFlight == statementsInFlight || waiting.isEmpty()) {
      return List.of();
    }
    List<Waiting> batch = new ArrayList<>(Math.min(batchSize, waiting.size()));
    for (Iterator<Waiting> it = waiting.iterator(); it.hasNext() && batch.size() < batchSize; ) {
      Waiting next = it.next();
      if (!busy.contains(next.user()) && !busy.contains(next.event())) {
        busy.add(next.user());
        busy.add(next.event());
        batch.add(next);
        it.remove();
      }
    }
    if (!batch.isEmpty()) {
      inFlight++;
    }
    return batch;
  }

  private void send(List<Waiting> batch) {
    if (batch.isEmpty()) {
      return;
    }
    sizes.record(batch.size());
    List<AttributionRepository.ClaimedSignup> signups = batch.stream().map(Waiting::signup).toList();
    // compose turns anything the statement's parameters throw into a failure, so the slot is given back
    Future.succeededFuture().compose(v -> repository.recordClaimed(pool, signups)).onComplete(result -> {
      List<Waiting> next;
      synchronized (this) {
        inFlight--;
        batch.forEach(done -> {
          busy.remove(done.user());
          busy.remove(done.event());
        });
        next = next();
      }
      answer(batch, result);
      send(next);
    });
  }

  private void expire() {
    List<Waiting> expired = new ArrayList<>();
    synchronized (this) {
      long now = System.nanoTime();
      for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
        Waiting next = it.next();
        if (now - next.since() >= maxWaitNanos) {
          expired.add(next);
          it.remove();
        }
      }
    }
    TimeoutException timeout = new TimeoutException("no signup statement could go out within "
        + TimeUnit.NANOSECONDS.toMillis(maxWaitNanos) + " ms");
    expired.forEach(late -> late.context().runOnContext(v -> late.recorded().fail(timeout)));
  }

  private static void answer(List<Waiting> batch, AsyncResult<List<Boolean>> result) {
    for (int i = 0; i < batch.size(); i++) {
      Waiting done = batch.get(i);
      if (result.succeeded()) {
        boolean recorded = result.result().get(i);
        done.context().runOnContext(v -> done.recorded().complete(recorded));
      } else {
        done.context().runOnContext(v -> done.recorded().fail(result.cause()));
      }
    }
  }
}
