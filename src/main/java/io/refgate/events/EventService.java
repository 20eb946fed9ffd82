package io.refgate.events;

import io.refgate.http.ApiException;
import io.refgate.http.Problems;
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
    byte[] bodyHash = Sha256.of(type + '\n' + CanonicalJson.of(body));
    return pool.withTransaction(tx -> ledger.claim(tx, tenantId, eventId, type, bodyHash).compose(claim -> {
      if (claim instanceof EventLedger.Replay replay) {
        metrics.record(type, EventMetrics.Outcome.REPLAYED);
        return Future.succeededFuture(Answer.existing(replay.response()));
      }
      if (claim instanceof EventLedger.Conflict) {
        metrics.record(type, EventMetrics.Outcome.CONFLICT);
        return Future.failedFuture(ApiException.conflict("event_id_reused",
            "event_id " + eventId + " was already used with a different body"));
      }
      return effect.apply(tx).compose(answer -> ledger.answer(tx, tenantId, eventId, answer).map(answer))
          .onSuccess(answer -> metrics.record(type, EventMetrics.Outcome.PROCESSED));
    })).onFailure(e -> {
      if (Problems.isUnavailable(e)) {
        metrics.record(type, EventMetrics.Outcome.UNAVAILABLE);
      }
    });
  }

  public void invalid(String type) {
    metrics.record(type, EventMetrics.Outcome.INVALID);
  }
}
