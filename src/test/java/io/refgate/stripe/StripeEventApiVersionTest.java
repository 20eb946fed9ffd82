package io.refgate.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Since Stripe API version 2025-03-31.basil (and in 2025-11-17.clover, the version of the
 * stripe-java on the test class path) an invoice no longer carries charge or payment_intent, and
 * a charge no longer carries invoice; the invoice_payment object and its invoice_payment.paid
 * event tie them together.
 */
class StripeEventApiVersionTest {
  private static final String INVOICE = "in_1SVa2bLkdIwHu7ixQ8mJ3tRz";
  private static final String INTENT = "pi_3SVa2cLkdIwHu7ix1Gk7wNpA";
  private static final String CHARGE = "ch_3SVa2cLkdIwHu7ix1Xy5bQeM";

  private static final String INVOICE_PAID = """
      {
        "id": "evt_1SVa2eLkdIwHu7ixm4bC7Jq2", "object": "event", "api_version": "2025-11-17.clover",
        "created": 1796292930, "livemode": false, "pending_webhooks": 1, "type": "invoice.paid",
        "request": {"id": null, "idempotency_key": null},
        "data": {"object": {
          "id": "%s", "object": "invoice", "account_country": "DE", "account_name": "Acme GmbH",
          "amount_due": 10000, "amount_overpaid": 0, "amount_paid": 10000, "amount_remaining": 0,
          "attempt_count": 1, "attempted": true, "billing_reason": "subscription_create",
          "collection_method": "charge_automatically", "created": 1796292928, "currency": "eur",
          "customer": "cus_RYeMZ2kq7uJ1Xh", "customer_email": "bo@other.example", "livemode": false, "metadata": {},
          "number": "ACME-0043", "parent": {"type": "subscription_details",
            "subscription_details": {"metadata": {}, "subscription": "sub_1SVa2aLkdIwHu7ixR1n2Pq3s"}},
          "period_end": 1796292928, "period_start": 1796292928, "status": "paid",
          "status_transitions": {"finalized_at": 1796292929, "paid_at": 1796292930},
          "subtotal": 10000, "total": 10000
        }}
      }
      """.formatted(INVOICE);

  private static final String INVOICE_PAYMENT_PAID = """
      {
        "id": "evt_1SVa2eLkdIwHu7ixz9Yx8Wv7", "object": "event", "api_version": "2025-11-17.clover",
        "created": 1796292930, "livemode": false, "pending_webhooks": 1, "type": "invoice_payment.paid",
        "request": {"id": null, "idempotency_key": null},
        "data": {"object": {
          "id": "inpay_1SVa2dLkdIwHu7ixC3vB1nMk", "object": "invoice_payment", "amount_paid": 10000,
          "amount_requested": 10000, "created": 1796292929, "currency": "eur", "invoice": "%s", "is_default": true,
          "livemode": false, "payment": {"type": "payment_intent", "payment_intent": "%s"}, "status": "paid",
          "status_transitions": {"canceled_at": null, "paid_at": 1796292930}
        }}
      }
      """.formatted(INVOICE, INTENT);

  private static String charge(String type, long refunded) {
    return """
        {
          "id": "%s", "object": "event", "api_version": "2025-11-17.clover",
          "created": 1796292931, "livemode": false, "pending_webhooks": 1, "type": "%s",
          "request": {"id": null, "idempotency_key": null},
          "data": {"object": {
            "id": "%s", "object": "charge", "amount": 10000, "amount_captured": 10000, "amount_refunded": %d,
            "captured": true, "created": 1796292929, "currency": "eur", "customer": "cus_RYeMZ2kq7uJ1Xh",
            "description": "Subscription creation", "livemode": false, "metadata": {}, "paid": true,
            "payment_intent": "%s", "payment_method": "pm_1SVa2aLkdIwHu7ixWm3kq9Uo", "refunded": %s, "status": "succeeded"
          }}
        }
        """.formatted(type.equals("charge.succeeded") ? "evt_3SVa2cLkdIwHu7ix1aB2cD3e" : "evt_3SVa2cLkdIwHu7ix1fG4hJ5k", type, CHARGE,
            refunded, INTENT, refunded == 10000);
  }

  @Test
  @DisplayName("under Stripe API 2025-03-31.basil and later, a paid subscription invoice is counted as one payment, not two")
  void invoiceChargeCountedOnce() {
    long payments = Stream.of(INVOICE_PAID, charge("charge.succeeded", 0))
        .map(json -> StripeEvent.of(new JsonObject(json)))
        .filter(StripeEvent.Paid.class::isInstance)
        .count();
    assertThat(payments).isEqualTo(1);
  }

  @Test
  @DisplayName("under Stripe API 2025-03-31.basil and later, the events of a paid invoice tie its payment intent to the invoice, "
      + "so a refund of its charge can find the payment")
  void refundCanBeTracedToInvoice() {
    StripeEvent refund = StripeEvent.of(new JsonObject(charge("charge.refunded", 2500)));
    assertThat(refund).isInstanceOfSatisfying(StripeEvent.Refunded.class, r -> assertThat(r.intentId()).isEqualTo(INTENT));
    boolean linked = Stream.of(INVOICE_PAID, INVOICE_PAYMENT_PAID)
        .map(json -> StripeEvent.of(new JsonObject(json)))
        .map(StripeEventApiVersionTest::strings)
        .anyMatch(values -> values.contains(INVOICE) && (values.contains(INTENT) || values.contains(CHARGE)));
    assertThat(linked).as("some event names both " + INVOICE + " and its payment intent or charge").isTrue();
  }

  private static List<Object> strings(StripeEvent event) {
    List<Object> values = new ArrayList<>();
    for (RecordComponent component : event.getClass().getRecordComponents()) {
      try {
        values.add(component.getAccessor().invoke(event));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
    }
    return values;
  }
}
