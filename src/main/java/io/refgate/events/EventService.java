package io.refgate.events;

import io.refgate.http.ApiException;
import io.refgate.http.Problems;
import io.refgate.store.SqlStates;
import io.refgate.store.Transactions;
import io.refgate.support.Sha256;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs an event's effect exactly once per (tenant, event_id), in one transaction with its claim:
 * a replay with the same body gets the first answer with 200, another body under the same id is a
 * 409, and neither changes anything (CONTRACT §5).
 */
public final class EventService {
  private final Pool pool;
  private final EventLedger ledger = new EventLedger();
  private final EventMetrics metrics;

  public EventService(Pool pool, EventMetrics metrics) {
    this.pool = pool;
    this.metrics = metrics;
  }

  /** {@code body} is the request as sent; {@code type} tells apart the same body sent to two endpoints. */
  public Future<Answer> once(UUID tenantId, String type, String eventId, JsonObject body, Function<SqlConnection, Future<Answer>> effect) {
    return counted(type, claimFirst(tenantId, type, eventId, hash(type, body), effect));
  }

  /**
   * Like {@link #once}, for an effect that is one statement storing the claim along with its
   * changes (see {@link EventClaim}), and so needs no transaction around it. The effect answers
   * null when it did not take effect, having changed nothing (the claim found the event id taken,
   * or the effect could not apply as planned); or it undoes itself (SQLSTATE
   * {@value SqlStates#UNDONE}). Then {@code otherwise} runs as {@link #once} would run it, which
   * answers a replay or a conflict, or applies the event in a transaction.
   */
  public Future<Answer> onceWithin(UUID tenantId, String type, String eventId, JsonObject body,
      Function<EventClaim, Future<Answer>> effect, Function<SqlConnection, Future<Answer>> otherwise) {
    byte[] bodyHash = hash(type, body);
    return counted(type, effect.apply(new EventClaim(tenantId, eventId, type, bodyHash)).compose(answer -> {
      if (answer != null) {
        metrics.record(type, EventMetrics.Outcome.PROCESSED);
        return Future.succeededFuture(answer);
      }
      return claimFirst(tenantId, type, eventId, bodyHash, otherwise);
    }, failure -> SqlStates.isUndone(failure) ? claimFirst(tenantId, type, eventId, bodyHash, otherwise) : Future.failedFuture(failure)));
  }

  public void invalid(String type) {
    metrics.record(type, EventMetrics.Outcome.INVALID);
  }

  private Future<Answer> claimFirst(UUID tenantId, String type, String eventId, byte[] bodyHash,
      Function<SqlConnection, Future<Answer>> effect) {
    return Transactions.run(pool, tx -> ledger.claim(tx, tenantId, eventId, type, bodyHash).compose(claim -> {
      if (claim instanceof EventLedger.Fresh) {
        return effect.apply(tx).compose(answer -> EventLedger.answer(tx, tenantId, eventId, answer).map(answer))
            .onSuccess(answer -> metrics.record(type, EventMetrics.Outcome.PROCESSED));
      }
      return taken(type, eventId, claim);
    }));
  }

  private Future<Answer> taken(String type, String eventId, EventLedger.Claim claim) {
    if (claim instanceof EventLedger.Replay replay) {
      metrics.record(type, EventMetrics.Outcome.REPLAYED);
      return Future.succeededFuture(Answer.existing(replay.response()));
    }
    metrics.record(type, EventMetrics.Outcome.CONFLICT);
    return Future.failedFuture(ApiException.conflict("event_id_reused", "event_id " + eventId + " was already used with a different body"));
  }

  private Future<Answer> counted(String type, Future<Answer> answer) {
    return answer.onFailure(e -> {
      if (Problems.isUnavailable(e)) {
        metrics.record(type, EventMetrics.Outcome.UNAVAILABLE);
      }
    });
  }

  private static byte[] hash(String type, JsonObject body) {
    return Sha256.of(type + '\n' + CanonicalJson.of(body));
  }
}
