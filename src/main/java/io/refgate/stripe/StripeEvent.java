package io.refgate.stripe;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/**
 * What a Stripe event means to Refgate. Payments: invoice.paid (the invoice id is the payment id;
 * its charge and payment intent become aliases), charge.succeeded for charges outside invoices
 * (a charge that names its invoice is counted by invoice.paid), charge.refunded (with Stripe's
 * cumulative amount_refunded). Customers: customer.created/updated with metadata.new_user_id.
 */
public sealed interface StripeEvent {

  String id();

  record CustomerLinked(String id, String customerId, String userId, String organizationId, String code, Instant at)
      implements StripeEvent {
  }

  record Paid(String id, String paymentId, String customerId, long amountMinor, String currency, Instant at, String chargeAlias,
      String intentAlias) implements StripeEvent {
  }

  /** {@code refundedTotalMinor} is how much of the charge is refunded so far, not this refund alone. */
  record Refunded(String id, String chargeId, String invoiceId, String intentId, String customerId, long refundedTotalMinor,
      String currency, Instant at) implements StripeEvent {
  }

  record Ignored(String id, String type, String why) implements StripeEvent {
  }

  static StripeEvent of(JsonObject event) {
    String id = event.getString("id");
    String type = event.getString("type", "");
    JsonObject object = event.getJsonObject("data", new JsonObject()).getJsonObject("object", new JsonObject());
    Instant at = Instant.ofEpochSecond(event.getLong("created", Instant.now().getEpochSecond()));
    return switch (type) {
      case "customer.created", "customer.updated" -> customer(id, object, at);
      case "invoice.paid" -> new Paid(id, object.getString("id"), object.getString("customer"), object.getLong("amount_paid", 0L),
          upper(object.getString("currency")), at, object.getString("charge"), object.getString("payment_intent"));
      case "charge.succeeded" -> object.getString("invoice") != null
          ? new Ignored(id, type, "the charge pays an invoice; invoice.paid counts it")
          : new Paid(id, object.getString("id"), object.getString("customer"), object.getLong("amount", 0L),
              upper(object.getString("currency")), at, null, object.getString("payment_intent"));
      case "charge.refunded" -> new Refunded(id, object.getString("id"), object.getString("invoice"), object.getString("payment_intent"),
          object.getString("customer"), object.getLong("amount_refunded", 0L), upper(object.getString("currency")), at);
      default -> new Ignored(id, type, "Refgate does not use this event type");
    };
  }

  private static StripeEvent customer(String id, JsonObject customer, Instant at) {
    JsonObject metadata = customer.getJsonObject("metadata", new JsonObject());
    String userId = metadata.getString("new_user_id");
    if (userId == null || userId.isBlank()) {
      return new Ignored(id, "customer", "the customer has no metadata.new_user_id");
    }
    return new CustomerLinked(id, customer.getString("id"), userId, metadata.getString("organization_id"),
        metadata.getString("refgate_code"), at);
  }

  private static String upper(String currency) {
    return currency == null ? null : currency.toUpperCase(Locale.ROOT);
  }
}
