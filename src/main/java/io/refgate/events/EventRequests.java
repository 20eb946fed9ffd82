package io.refgate.events;

import io.refgate.http.Input;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** The event bodies of CONTRACT §5, validated; occurred_at defaults to the time received. */
public final class EventRequests {
  public static final List<String> BILLING_TYPES = List.of("invoice.paid", "charge.succeeded", "charge.refunded");
  public static final List<String> ACTIVITY_TYPES = List.of("viewed", "copied", "shared");

  private EventRequests() {
  }

  public record Signup(String eventId, String newUserId, String organizationId, String email, String clickId, String code,
      Instant occurredAt) {
  }

  /** A referee named by user id or, failing that, by organisation. */
  public record Milestone(String eventId, String newUserId, String organizationId, String name, Instant occurredAt) {
  }

  /** {@code amountMinor} is null for a refund of the whole remaining payment. */
  public record Billing(String eventId, String type, String newUserId, String organizationId, String paymentId, Long amountMinor,
      String currency, Instant occurredAt) {

    public boolean isRefund() {
      return type.equals("charge.refunded");
    }
  }

  public record Activity(String eventId, String userId, String type, Instant occurredAt) {
  }

  public static Signup signup(JsonObject body, Instant received) {
    Input in = Input.of(body);
    String eventId = eventId(in);
    String userId = in.requiredString("new_user_id", 1, 255);
    String organizationId = in.string("organization_id", 1, 255);
    String email = in.email("email");
    String clickId = in.string("click_id", 1, 255);
    String code = in.string("code", 1, 255);
    Instant occurredAt = in.timestamp("occurred_at");
    in.check();
    return new Signup(eventId, userId, organizationId, email, clickId, code, orNow(occurredAt, received));
  }

  public static Milestone milestone(JsonObject body, Instant received) {
    Input in = Input.of(body);
    String eventId = eventId(in);
    String userId = in.string("new_user_id", 1, 255);
    String organizationId = in.string("organization_id", 1, 255);
    String name = in.requiredString("name", 1, 100);
    Instant occurredAt = in.timestamp("occurred_at");
    requireReferee(in, userId, organizationId);
    in.check();
    return new Milestone(eventId, userId, organizationId, name, orNow(occurredAt, received));
  }

  public static Billing billing(JsonObject body, Instant received) {
    Input in = Input.of(body);
    String eventId = eventId(in);
    String type = in.required("type", in.oneOf("type", BILLING_TYPES));
    String userId = in.string("new_user_id", 1, 255);
    String organizationId = in.string("organization_id", 1, 255);
    String paymentId = in.requiredString("payment_id", 1, 255);
    Instant occurredAt = in.timestamp("occurred_at");
    if (type == null) {
      // the type already has its error and check() throws; what else is required depends on
      // the type, so judging it now would only mislead
      in.check();
    }
    boolean refund = type.equals("charge.refunded");
    Long amount = refund ? in.integer("amount_minor", 1, Long.MAX_VALUE)
        : in.required("amount_minor", in.integer("amount_minor", 0, Long.MAX_VALUE));
    String currency = refund ? in.currency("currency") : in.required("currency", in.currency("currency"));
    if (!refund) {
      requireReferee(in, userId, organizationId);
    }
    in.check();
    return new Billing(eventId, type, userId, organizationId, paymentId, amount, currency, orNow(occurredAt, received));
  }

  public static Activity activity(JsonObject body, Instant received) {
    Input in = Input.of(body);
    String eventId = eventId(in);
    String userId = in.requiredString("user_id", 1, 255);
    String type = in.required("type", in.oneOf("type", ACTIVITY_TYPES));
    Instant occurredAt = in.timestamp("occurred_at");
    in.check();
    return new Activity(eventId, userId, type, orNow(occurredAt, received));
  }

  private static String eventId(Input in) {
    return in.requiredString("event_id", 1, 255);
  }

  private static void requireReferee(Input in, String userId, String organizationId) {
    if (userId == null && organizationId == null && !in.hasError("new_user_id") && !in.hasError("organization_id")) {
      in.error("new_user_id", "is required unless organization_id is given");
    }
  }

  private static Instant orNow(Instant occurredAt, Instant received) {
    return occurredAt == null ? received : occurredAt;
  }
}
