package io.refgate.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.net.ApiResource;
import io.refgate.stripe.StripeEvent.CustomerLinked;
import io.refgate.stripe.StripeEvent.Ignored;
import io.refgate.stripe.StripeEvent.Paid;
import io.refgate.stripe.StripeEvent.Refunded;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Events shaped as Stripe documents and sends them (API version 2024-06-20, whose invoices still
 * name their charge and payment intent, and whose charges name their invoice).
 */
class StripeEventTest {
  private static final Instant CREATED = Instant.ofEpochSecond(1_796_292_930L);

  static final String INVOICE_PAID = """
      {
        "id": "evt_1QfWm2LkdIwHu7ixJ2gWkD0c",
        "object": "event",
        "api_version": "2024-06-20",
        "created": 1796292930,
        "livemode": false,
        "pending_webhooks": 1,
        "request": {"id": null, "idempotency_key": null},
        "type": "invoice.paid",
        "data": {
          "object": {
            "id": "in_1QfWm0LkdIwHu7ixX1sKq1eV",
            "object": "invoice",
            "account_country": "DE",
            "account_name": "Acme GmbH",
            "amount_due": 10000,
            "amount_paid": 10000,
            "amount_remaining": 0,
            "amount_shipping": 0,
            "attempt_count": 1,
            "attempted": true,
            "auto_advance": false,
            "billing_reason": "subscription_cycle",
            "charge": "ch_3QfWm1LkdIwHu7ix0f2Zz6xY",
            "collection_method": "charge_automatically",
            "created": 1796289330,
            "currency": "eur",
            "customer": "cus_RYeMZ2kq7uJ1Xh",
            "customer_email": "bo@other.example",
            "customer_name": "Bo Berg",
            "discount": null,
            "due_date": null,
            "ending_balance": 0,
            "hosted_invoice_url": "https://invoice.stripe.com/i/acct_1Nv0FGLkdIwHu7ix/test_YWNjdF8x",
            "invoice_pdf": "https://pay.stripe.com/invoice/acct_1Nv0FGLkdIwHu7ix/test_YWNjdF8x/pdf",
            "lines": {
              "object": "list",
              "data": [{
                "id": "il_1QfWm0LkdIwHu7ixr3Qm1p8A",
                "object": "line_item",
                "amount": 10000,
                "currency": "eur",
                "description": "1 × Business (at €100.00 / month)",
                "period": {"end": 1798884930, "start": 1796292930},
                "quantity": 1,
                "type": "subscription"
              }],
              "has_more": false,
              "total_count": 1,
              "url": "/v1/invoices/in_1QfWm0LkdIwHu7ixX1sKq1eV/lines"
            },
            "livemode": false,
            "metadata": {},
            "number": "ACME-0042",
            "paid": true,
            "paid_out_of_band": false,
            "payment_intent": "pi_3QfWm1LkdIwHu7ix0lq8bH5N",
            "period_end": 1796292930,
            "period_start": 1793614530,
            "starting_balance": 0,
            "status": "paid",
            "status_transitions": {"finalized_at": 1796292929, "marked_uncollectible_at": null, "paid_at": 1796292930, "voided_at": null},
            "subscription": "sub_1PZ0RbLkdIwHu7ixb5cT7kYq",
            "subtotal": 10000,
            "tax": null,
            "total": 10000,
            "webhooks_delivered_at": 1796289331
          },
          "previous_attributes": null
        }
      }
      """;

  private static String charge(String type, String invoice, long amount, long refundedTotal, boolean refunded) {
    return """
        {
          "id": "evt_3QfWm1LkdIwHu7ix0a1b2c3d",
          "object": "event",
          "api_version": "2024-06-20",
          "created": 1796292931,
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": "req_9xVb2kQ1rT0aZz", "idempotency_key": "8d1c0f3e-2b9f-4c43-9d62-5b7c2d3f4e11"},
          "type": "%s",
          "data": {
            "object": {
              "id": "ch_3QfWm1LkdIwHu7ix0f2Zz6xY",
              "object": "charge",
              "amount": %d,
              "amount_captured": %d,
              "amount_refunded": %d,
              "application_fee_amount": null,
              "balance_transaction": "txn_3QfWm1LkdIwHu7ix0cY6bJqK",
              "billing_details": {"address": {"country": "DE", "postal_code": null}, "email": "bo@other.example", "name": "Bo Berg", "phone": null},
              "calculated_statement_descriptor": "ACME",
              "captured": true,
              "created": 1796292930,
              "currency": "eur",
              "customer": "cus_RYeMZ2kq7uJ1Xh",
              "description": "Subscription update",
              "disputed": false,
              "failure_code": null,
              "failure_message": null,
              "invoice": %s,
              "livemode": false,
              "metadata": {},
              "outcome": {"network_status": "approved_by_network", "reason": null, "risk_level": "normal", "seller_message": "Payment complete.", "type": "authorized"},
              "paid": true,
              "payment_intent": "pi_3QfWm1LkdIwHu7ix0lq8bH5N",
              "payment_method": "pm_1QfWlzLkdIwHu7ixWm3kq9Uo",
              "payment_method_details": {"card": {"brand": "visa", "country": "US", "exp_month": 12, "exp_year": 2034, "last4": "4242"}, "type": "card"},
              "receipt_email": null,
              "receipt_url": "https://pay.stripe.com/receipts/invoices/CAcaFwoVYWNjdF8x",
              "refunded": %s,
              "status": "succeeded"
            },
            "previous_attributes": null
          }
        }
        """.formatted(type, amount, amount, refundedTotal, invoice == null ? "null" : "\"" + invoice + "\"", refunded);
  }

  private static String customer(String type, String metadata) {
    return """
        {
          "id": "evt_1QfWlyLkdIwHu7ixQ0yT2pL8",
          "object": "event",
          "api_version": "2024-06-20",
          "created": 1796292900,
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": "req_4kLs0p2QmZr8Yb", "idempotency_key": null},
          "type": "%s",
          "data": {
            "object": {
              "id": "cus_RYeMZ2kq7uJ1Xh",
              "object": "customer",
              "address": null,
              "balance": 0,
              "created": 1796292900,
              "currency": null,
              "default_source": null,
              "delinquent": false,
              "description": null,
              "email": "bo@other.example",
              "invoice_prefix": "ACME",
              "invoice_settings": {"custom_fields": null, "default_payment_method": null, "footer": null, "rendering_options": null},
              "livemode": false,
              "metadata": %s,
              "name": "Bo Berg",
              "phone": null,
              "preferred_locales": ["de"],
              "shipping": null,
              "tax_exempt": "none",
              "test_clock": null
            },
            "previous_attributes": null
          }
        }
        """.formatted(type, metadata);
  }

  private static StripeEvent of(String json) {
    return StripeEvent.of(new JsonObject(json));
  }

  @Test
  @DisplayName("the payloads here are real Stripe shapes: Stripe's own library reads the same ids, amounts and currencies")
  void payloadsReadByStripe() {
    Invoice invoice = ApiResource.GSON.fromJson(new JsonObject(INVOICE_PAID).getJsonObject("data").getJsonObject("object").encode(),
        Invoice.class);
    assertThat(invoice.getId()).isEqualTo("in_1QfWm0LkdIwHu7ixX1sKq1eV");
    assertThat(invoice.getAmountPaid()).isEqualTo(10000L);
    assertThat(invoice.getCurrency()).isEqualTo("eur");
    assertThat(invoice.getCustomer()).isEqualTo("cus_RYeMZ2kq7uJ1Xh");
    Charge charge = ApiResource.GSON.fromJson(
        new JsonObject(charge("charge.refunded", "in_1", 10000, 2500, false)).getJsonObject("data").getJsonObject("object").encode(),
        Charge.class);
    assertThat(charge.getAmountRefunded()).isEqualTo(2500L);
    assertThat(charge.getRefunded()).isFalse();
    Customer customer = ApiResource.GSON.fromJson(new JsonObject(customer("customer.created", "{\"new_user_id\": \"u_777\"}"))
        .getJsonObject("data").getJsonObject("object").encode(), Customer.class);
    assertThat(customer.getMetadata()).containsEntry("new_user_id", "u_777");
  }

  @Test
  @DisplayName("invoice.paid is a payment keyed by the invoice id, in upper-case currency, with its charge and payment intent as aliases")
  void invoicePaid() {
    assertThat(of(INVOICE_PAID)).isEqualTo(new Paid("evt_1QfWm2LkdIwHu7ixJ2gWkD0c", "in_1QfWm0LkdIwHu7ixX1sKq1eV", "cus_RYeMZ2kq7uJ1Xh",
        10000, "EUR", CREATED, "ch_3QfWm1LkdIwHu7ix0f2Zz6xY", "pi_3QfWm1LkdIwHu7ix0lq8bH5N"));
  }

  @Test
  @DisplayName("invoice.paid counts what was paid, not what was due: a partly credited invoice pays amount_paid")
  void invoicePaidUsesAmountPaid() {
    JsonObject event = new JsonObject(INVOICE_PAID);
    event.getJsonObject("data").getJsonObject("object").put("amount_due", 10000).put("amount_paid", 7500).put("total", 10000);
    assertThat(StripeEvent.of(event)).isInstanceOfSatisfying(Paid.class, paid -> assertThat(paid.amountMinor()).isEqualTo(7500));
  }

  @Test
  @DisplayName("an invoice paid without a card charge (paid out of band) is still a payment, with no aliases")
  void invoicePaidWithoutCharge() {
    JsonObject event = new JsonObject(INVOICE_PAID);
    event.getJsonObject("data").getJsonObject("object").putNull("charge").putNull("payment_intent").put("paid_out_of_band", true);
    assertThat(StripeEvent.of(event)).isInstanceOfSatisfying(Paid.class, paid -> {
      assertThat(paid.paymentId()).isEqualTo("in_1QfWm0LkdIwHu7ixX1sKq1eV");
      assertThat(paid.chargeAlias()).isNull();
      assertThat(paid.intentAlias()).isNull();
    });
  }

  @Test
  @DisplayName("an event's time is Stripe's created time")
  void eventTime() {
    assertThat(of(INVOICE_PAID)).isInstanceOfSatisfying(Paid.class, paid -> assertThat(paid.at()).isEqualTo(CREATED));
  }

  @Test
  @DisplayName("a charge outside any invoice is a payment keyed by the charge id, with its payment intent as an alias")
  void standaloneCharge() {
    assertThat(of(charge("charge.succeeded", null, 4900, 0, false))).isEqualTo(new Paid("evt_3QfWm1LkdIwHu7ix0a1b2c3d",
        "ch_3QfWm1LkdIwHu7ix0f2Zz6xY", "cus_RYeMZ2kq7uJ1Xh", 4900, "EUR", Instant.ofEpochSecond(1_796_292_931L), null,
        "pi_3QfWm1LkdIwHu7ix0lq8bH5N"));
  }

  @Test
  @DisplayName("a charge that pays an invoice is ignored, because invoice.paid already counts that money")
  void invoiceChargeIgnored() {
    assertThat(of(charge("charge.succeeded", "in_1QfWm0LkdIwHu7ixX1sKq1eV", 10000, 0, false)))
        .isInstanceOfSatisfying(Ignored.class, ignored -> {
          assertThat(ignored.id()).isEqualTo("evt_3QfWm1LkdIwHu7ix0a1b2c3d");
          assertThat(ignored.type()).isEqualTo("charge.succeeded");
          assertThat(ignored.why()).contains("invoice");
        });
  }

  @Test
  @DisplayName("charge.refunded reports the charge's refunded total so far, with its invoice and payment intent to find the payment")
  void partialRefund() {
    assertThat(of(charge("charge.refunded", "in_1QfWm0LkdIwHu7ixX1sKq1eV", 10000, 2500, false))).isEqualTo(new Refunded(
        "evt_3QfWm1LkdIwHu7ix0a1b2c3d", "ch_3QfWm1LkdIwHu7ix0f2Zz6xY", "in_1QfWm0LkdIwHu7ixX1sKq1eV", "pi_3QfWm1LkdIwHu7ix0lq8bH5N",
        "cus_RYeMZ2kq7uJ1Xh", 2500, "EUR", Instant.ofEpochSecond(1_796_292_931L)));
  }

  @Test
  @DisplayName("a second refund of the same charge reports the cumulative total, not the new refund alone")
  void secondRefundIsCumulative() {
    assertThat(of(charge("charge.refunded", "in_1QfWm0LkdIwHu7ixX1sKq1eV", 10000, 10000, true)))
        .isInstanceOfSatisfying(Refunded.class, refund -> assertThat(refund.refundedTotalMinor()).isEqualTo(10000));
  }

  @Test
  @DisplayName("a refund of a charge outside any invoice has no invoice and is found by the charge")
  void refundOfStandaloneCharge() {
    assertThat(of(charge("charge.refunded", null, 4900, 4900, true))).isInstanceOfSatisfying(Refunded.class, refund -> {
      assertThat(refund.invoiceId()).isNull();
      assertThat(refund.chargeId()).isEqualTo("ch_3QfWm1LkdIwHu7ix0f2Zz6xY");
      assertThat(refund.refundedTotalMinor()).isEqualTo(4900);
    });
  }

  @Test
  @DisplayName("a new Stripe customer with metadata.new_user_id is linked to that user, its organisation and referral code")
  void customerCreated() {
    String metadata = "{\"new_user_id\": \"u_777\", \"organization_id\": \"org_55\", \"refgate_code\": \"ana-link\", \"plan\": \"business\"}";
    assertThat(of(customer("customer.created", metadata))).isEqualTo(new CustomerLinked("evt_1QfWlyLkdIwHu7ixQ0yT2pL8",
        "cus_RYeMZ2kq7uJ1Xh", "u_777", "org_55", "ana-link", Instant.ofEpochSecond(1_796_292_900L)));
  }

  @Test
  @DisplayName("customer.updated links the customer the same way, and the organisation and code are optional")
  void customerUpdated() {
    assertThat(of(customer("customer.updated", "{\"new_user_id\": \"u_777\"}"))).isEqualTo(new CustomerLinked(
        "evt_1QfWlyLkdIwHu7ixQ0yT2pL8", "cus_RYeMZ2kq7uJ1Xh", "u_777", null, null, Instant.ofEpochSecond(1_796_292_900L)));
  }

  @Test
  @DisplayName("a customer without metadata.new_user_id (or with a blank one) is ignored")
  void customerWithoutUser() {
    assertThat(of(customer("customer.created", "{}"))).isInstanceOf(Ignored.class);
    assertThat(of(customer("customer.created", "{\"organization_id\": \"org_55\", \"refgate_code\": \"ana-link\"}")))
        .isInstanceOf(Ignored.class);
    assertThat(of(customer("customer.updated", "{\"new_user_id\": \"  \"}"))).isInstanceOf(Ignored.class);
    assertThat(of(customer("customer.created", "{}")).id()).isEqualTo("evt_1QfWlyLkdIwHu7ixQ0yT2pL8");
  }

  @Test
  @DisplayName("an event type Refgate does not use, such as payment_method.attached, is ignored with its type")
  void unrelatedType() {
    String json = """
        {
          "id": "evt_1QfWlzLkdIwHu7ixk2Jr0aQe",
          "object": "event",
          "api_version": "2024-06-20",
          "created": 1796292920,
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": "req_4kLs0p2QmZr8Yb", "idempotency_key": null},
          "type": "payment_method.attached",
          "data": {
            "object": {
              "id": "pm_1QfWlzLkdIwHu7ixWm3kq9Uo",
              "object": "payment_method",
              "billing_details": {"email": "bo@other.example", "name": "Bo Berg"},
              "card": {"brand": "visa", "country": "US", "exp_month": 12, "exp_year": 2034, "last4": "4242"},
              "created": 1796292919,
              "customer": "cus_RYeMZ2kq7uJ1Xh",
              "livemode": false,
              "metadata": {},
              "type": "card"
            },
            "previous_attributes": null
          }
        }
        """;
    assertThat(of(json)).isEqualTo(new Ignored("evt_1QfWlzLkdIwHu7ixk2Jr0aQe", "payment_method.attached",
        "Refgate does not use this event type"));
  }

  @Test
  @DisplayName("invoice.payment_succeeded is not counted as well, so an invoice is counted once through invoice.paid")
  void invoicePaymentSucceededIgnored() {
    JsonObject event = new JsonObject(INVOICE_PAID).put("type", "invoice.payment_succeeded");
    assertThat(StripeEvent.of(event)).isInstanceOf(Ignored.class);
  }
}
