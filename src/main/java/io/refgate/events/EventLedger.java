package io.refgate.events;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.UUID;

/**
 * Idempotency of events, decided by the events table's primary key: the first call claims the id
 * inside its transaction; a concurrent duplicate waits on that key until the first commits, then
 * finds its answer. A rolled-back first call leaves nothing behind, so the sender can retry.
 */
final class EventLedger {

  sealed interface Claim permits Fresh, Replay, Conflict {
  }

  record Fresh() implements Claim {
  }

  record Replay(JsonObject response) implements Claim {
  }

  record Conflict() implements Claim {
  }

  Future<Claim> claim(SqlClient tx, UUID tenantId, String eventId, String type, byte[] bodyHash) {
    return tx.preparedQuery(EventSql.CLAIM).execute(Tuple.of(tenantId, eventId, type, Buffer.buffer(bodyHash)))
        .compose(rows -> rows.size() == 1 ? Future.<Claim>succeededFuture(new Fresh()) : taken(tx, tenantId, eventId, bodyHash));
  }

  /** What an event id that another call claimed means for this one. */
  private Future<Claim> taken(SqlClient sql, UUID tenantId, String eventId, byte[] bodyHash) {
    return sql.preparedQuery(EventSql.FIRST).execute(Tuple.of(tenantId, eventId)).map(first -> judge(first.iterator().next(), bodyHash));
  }

  static Future<Void> answer(SqlClient tx, UUID tenantId, String eventId, Answer answer) {
    return tx.preparedQuery(EventSql.ANSWER).execute(Tuple.of(tenantId, eventId, answer.status(), answer.body())).mapEmpty();
  }

  private static Claim judge(Row first, byte[] bodyHash) {
    return Arrays.equals(first.getBuffer("body_hash").getBytes(), bodyHash)
        ? new Replay((JsonObject) first.getValue("response")) : new Conflict();
  }
}
