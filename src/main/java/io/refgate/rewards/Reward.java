package io.refgate.rewards;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of the reward ledger: a reward (it may shrink while pending) or a negative clawback. */
public record Reward(
    UUID id,
    String userId,
    String beneficiary,
    String kind,
    String type,
    long amountMinor,
    long originalMinor,
    String currency,
    String status,
    UUID campaignId,
    String refereeUserId,
    String paymentId,
    String trigger,
    String description,
    Instant createdAt,
    Instant availableAt) {

  static Reward fromRow(Row row) {
    return new Reward(row.getUUID("id"), row.getString("user_id"), row.getString("beneficiary"),
        row.getString("kind"), row.getString("reward_type"), row.getLong("amount_minor"), row.getLong("original_minor"),
        row.getString("currency"), row.getString("status"), row.getUUID("campaign_id"), row.getString("referee_user_id"),
        row.getString("payment_id"), row.getString("trigger"), row.getString("description"),
        row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("available_at").toInstant());
  }

  /** A ledger entry as GET /v1/rewards lists it (CONTRACT §6), and as event answers show it (§5). */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("user_id", userId)
        .put("beneficiary", beneficiary)
        .put("kind", kind)
        .put("type", type)
        .put("amount_minor", amountMinor)
        .put("currency", currency)
        .put("status", status)
        .put("campaign_id", campaignId.toString())
        .put("referee_user_id", refereeUserId)
        .put("payment_id", paymentId)
        .put("trigger", trigger)
        .put("description", description)
        .put("created_at", createdAt.toString())
        .put("available_at", availableAt.toString());
  }

  /** The answer to a conversion event (milestone, payment, refund): CONTRACT §5. */
  public static JsonObject conversionAnswer(boolean attributed, List<Reward> rewards) {
    return new JsonObject()
        .put("attributed", attributed)
        .put("rewards", new JsonArray(rewards.stream().map(Reward::toJson).toList()));
  }
}
