package io.refgate.events;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * An event's claim that an effect stores within its own statement, with the answer it will give:
 * several effects' claims go in as columns of one relation, and the CTE named {@code claim}
 * returns the (tenant_id, event_id) of those that took their event id.
 */
public final class EventClaim {
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

  public UUID tenantId() {
    return tenantId;
  }

  public String eventId() {
    return eventId;
  }

  /** A claim and the answer it stores. */
  public record Answered(EventClaim claim, Answer answer) {
  }

  /** How many parameters {@link #addTo} adds. */
  public static final int PARAMETERS = 5;

  /**
   * The claims' columns for a select list (event_id, event_type, body_hash, answer_status, answer),
   * read from parameters ${@code first} on, as {@link #addTo} adds them.
   */
  public static String columns(int first) {
    return ("unnest($%d::text[]) AS event_id, unnest($%d::text[]) AS event_type, unnest($%d::bytea[]) AS body_hash, "
        + "unnest($%d::int[]) AS answer_status, unnest($%d::text[])::json AS answer").formatted(first, first + 1, first + 2, first + 3,
        first + 4);
  }

  /** The CTE {@code claim}, for the rows of {@code from} (which has tenant_id and the {@link #columns}). */
  public static String cte(String from) {
    return "claim AS (" + EventSql.CLAIM_ANSWERED.formatted(from) + ")";
  }

  public static Tuple addTo(Tuple tuple, List<Answered> claims) {
    int count = claims.size();
    String[] eventIds = new String[count];
    String[] types = new String[count];
    Buffer[] bodyHashes = new Buffer[count];
    Integer[] statuses = new Integer[count];
    String[] answers = new String[count];
    for (int i = 0; i < count; i++) {
      EventClaim claim = claims.get(i).claim();
      Answer answer = claims.get(i).answer();
      eventIds[i] = claim.eventId;
      types[i] = claim.type;
      bodyHashes[i] = Buffer.buffer(claim.bodyHash);
      statuses[i] = answer.status();
      answers[i] = answer.body().encode();
    }
    return tuple.addArrayOfString(eventIds).addArrayOfString(types).addArrayOfBuffer(bodyHashes).addArrayOfInteger(statuses)
        .addArrayOfString(answers);
  }
}
