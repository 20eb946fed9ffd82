package io.refgate.events;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * An event's claim that an effect stores within its own statement, with the answer it will give,
 * as the CTE named {@code claim}: one row when this call took the event id, none when it was taken.
 */
public final class EventClaim {
  private static final int PARAMETERS = 6;

  private final UUID tenantId;
  private final String eventId;
  private final String type;
  private final byte[] bodyHash;

  EventClaim(UUID tenantId, String eventId, String type, byte[] bodyHash) {
    this.tenantId = tenantId;
    this.eventId = eventId;
    this.type = type;
    this.bodyHash = bodyHash;
  }

  /** The CTE, reading its parameters from ${@code first} on, in the order {@link #addTo} adds them. */
  public static String cte(int first) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < PARAMETERS; i++) {
      values.append(i == 0 ? "$" : ", $").append(first + i);
    }
    return "claim AS (" + EventSql.CLAIM_ANSWERED.formatted(values) + ")";
  }

  public Tuple addTo(Tuple tuple, Answer answer) {
    return tuple.addUUID(tenantId).addString(eventId).addString(type).addBuffer(Buffer.buffer(bodyHash))
        .addInteger(answer.status()).addValue(answer.body());
  }
}
