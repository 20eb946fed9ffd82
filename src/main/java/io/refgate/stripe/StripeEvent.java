package io.refgate.stripe;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/**
 * What a Stripe event means to Refgate. Payments: invoice.paid (the invoice id is the payment id;
 * its charge and payment intent become aliases), charge.succeeded for charges outside invoices,
 * charge.refunded (with Stripe's cumulative amount_refunded). Customers: customer.created/updated
 * with metadata.new_user_id.
 *
 * <p>Since Stripe API version 2025-03-31 an invoice no longer names its charge, nor a charge its
 * invoice: invoice_payment.paid ties them together instead. A charge that does not say whether it
 * pays an invoice is therefore not counted (invoice.paid counts invoice payments): paying a reward
 * twice for one payment is worse than asking the backend to report a one-off charge itself.
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
  /** invoice_payment.paid: the payment intent or charge that paid an invoice. */
  record InvoicePaid(String id, String invoiceId, String intentId, String chargeId) implements StripeEvent {
  }

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
      case "invoice_payment.paid" -> invoicePayment(id, object);
      case "charge.succeeded" -> charge(id, type, object, at);
      case "charge.refunded" -> new Refunded(id, object.getString("id"), object.getString("invoice"), object.getString("payment_intent"),
          object.getString("customer"), object.getLong("amount_refunded", 0L), upper(object.getString("currency")), at);
      default -> new Ignored(id, type, "Refgate does not use this event type");
    };
  }

  private static StripeEvent charge(String id, String type, JsonObject charge, Instant at) {
    if (!charge.containsKey("invoice")) {
      return new Ignored(id, type, "this Stripe API version does not say whether the charge pays an invoice; invoice.paid counts "
          + "invoice payments, and one-off charges can be sent to POST /v1/events/billing");
    }
    if (charge.getString("invoice") != null) {
      return new Ignored(id, type, "the charge pays an invoice; invoice.paid counts it");
    }
    return new Paid(id, charge.getString("id"), charge.getString("customer"), charge.getLong("amount", 0L),
        upper(charge.getString("currency")), at, null, charge.getString("payment_intent"));
  }

  private static StripeEvent invoicePayment(String id, JsonObject invoicePayment) {
    JsonObject payment = invoicePayment.getJsonObject("payment", new JsonObject());
    return new InvoicePaid(id, invoicePayment.getString("invoice"), payment.getString("payment_intent"), payment.getString("charge"));
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
