package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import io.refgate.testing.Api;
import io.refgate.testing.Db;
import io.refgate.testing.TestEnvironment;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Stripe webhook (CONTRACT §5), with signatures made by Stripe's library")
class StripeWebhookIT {
  private static final String SECRET = "whsec_test_" + UUID.randomUUID().toString().replace("-", "");
  private final Api api = new Api(TestGateway.shared());
  private final Api.Tenant tenant = api.tenant(new JsonObject().put("name", "Stripe " + UUID.randomUUID())
      .put("allowed_hosts", new JsonArray().add("acme.example")).put("stripe_webhook_secret", SECRET));

  StripeWebhookIT() {
    api.campaign(tenant, new JsonObject().put("referrer_reward", new JsonObject().put("type", "percent").put("percent", 20)
        .put("trigger", "every_payment")));
  }

  private Api.Reply deliver(String payload, String secret, long timestamp) {
    return api.send("POST", "/v1/webhooks/stripe/" + tenant.id(), null, payload,
        Map.of("Content-Type", "application/json", "Stripe-Signature", "t=" + timestamp + ",v1=" + sign(secret, timestamp, payload)));
  }

  private Api.Reply deliver(String payload) {
    return deliver(payload, SECRET, Instant.now().getEpochSecond());
  }

  private static String sign(String secret, long timestamp, String payload) {
    try {
      return Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String event(String id, String type, JsonObject object) {
    return new JsonObject().put("id", id).put("object", "event").put("api_version", "2024-06-20")
        .put("created", Instant.now().getEpochSecond()).put("livemode", false).put("pending_webhooks", 1)
        .put("request", new JsonObject().putNull("id").putNull("idempotency_key")).put("type", type)
        .put("data", new JsonObject().put("object", object)).encodePrettily();
  }

  private static JsonObject customer(String id, JsonObject metadata) {
    return new JsonObject().put("id", id).put("object", "customer").put("email", "bo@other.example").put("currency", "eur")
        .put("created", 1764700000).put("livemode", false).put("metadata", metadata);
  }

  private static JsonObject invoice(String id, String customer, long amountPaid, String charge) {
    return new JsonObject().put("id", id).put("object", "invoice").put("customer", customer).put("currency", "eur")
        .put("amount_due", amountPaid).put("amount_paid", amountPaid).put("amount_remaining", 0).put("charge", charge)
        .put("payment_intent", "pi_" + id).put("status", "paid").put("paid", true).put("billing_reason", "subscription_cycle")
        .put("subscription", "sub_1").put("status_transitions", new JsonObject().put("paid_at", 1764700100));
  }

  private static JsonObject charge(String id, String customer, long amount, long refunded, String invoice) {
    return new JsonObject().put("id", id).put("object", "charge").put("customer", customer).put("currency", "eur")
        .put("amount", amount).put("amount_captured", amount).put("amount_refunded", refunded).put("refunded", refunded == amount)
        .put("invoice", invoice).put("paid", true).put("status", "succeeded");
  }

  private String referredCustomer() {
    String code = api.referrer(tenant, "ana");
    api.event(tenant, "signup", new JsonObject().put("event_id", "s-bo").put("new_user_id", "bo").put("code", code));
    assertThat(deliver(event("evt_cus", "customer.created", customer("cus_1", new JsonObject().put("new_user_id", "bo")
        .put("organization_id", "org_55"))))).extracting(Api.Reply::status).isEqualTo(201);
    return code;
  }

  @Test
  @DisplayName("invoice.paid for a mapped customer earns the referrer's reward, in upper-case currency, once per Stripe event")
  void invoicePaid() {
    referredCustomer();
    String paid = event("evt_paid_1", "invoice.paid", invoice("in_1", "cus_1", 10_000, "ch_1"));

    Api.Reply first = deliver(paid);
    Api.Reply redelivered = deliver(paid);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().getBoolean("attributed")).isTrue();
    JsonObject reward = first.json().getJsonArray("rewards").getJsonObject(0);
    assertThat(reward.getLong("amount_minor")).isEqualTo(2000);
    assertThat(reward.getString("currency")).isEqualTo("EUR");
    assertThat(redelivered.status()).isEqualTo(200);
    assertThat(redelivered.json()).isEqualTo(first.json());
    assertThat(Db.count("SELECT count(*) FROM rewards WHERE tenant_id = ?", tenant.id())).isEqualTo(1);
  }

  @Test
  @DisplayName("charge.refunded shrinks the invoice's reward by what is newly refunded, reading Stripe's cumulative amount")
  void chargeRefunded() {
    referredCustomer();
    deliver(event("evt_paid_2", "invoice.paid", invoice("in_2", "cus_1", 10_000, "ch_2")));

    Api.Reply quarter = deliver(event("evt_ref_1", "charge.refunded", charge("ch_2", "cus_1", 10_000, 2_500, "in_2")));
    Api.Reply half = deliver(event("evt_ref_2", "charge.refunded", charge("ch_2", "cus_1", 10_000, 5_000, "in_2")));
    Api.Reply stale = deliver(event("evt_ref_3", "charge.refunded", charge("ch_2", "cus_1", 10_000, 5_000, null)));

    assertThat(quarter.json().getJsonArray("rewards").getJsonObject(0).getLong("amount_minor")).isEqualTo(1500);
    assertThat(half.json().getJsonArray("rewards").getJsonObject(0).getLong("amount_minor")).isEqualTo(1000);
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.json().getBoolean("ignored")).isTrue();
    assertThat(Db.count("SELECT refunded_minor FROM payments WHERE tenant_id = ? AND payment_id = 'in_2'", tenant.id())).isEqualTo(5_000);
  }

  @Test
  @DisplayName("with Stripe API versions whose charges no longer name invoices, invoice_payment.paid ties a refund to its invoice")
  void newerApiVersions() {
    referredCustomer();
    JsonObject invoice = invoice("in_5", "cus_1", 10_000, null);
    invoice.remove("charge");
    invoice.remove("payment_intent");
    JsonObject charge = charge("ch_5", "cus_1", 10_000, 0, null);
    charge.remove("invoice");
    charge.put("payment_intent", "pi_5");
    JsonObject invoicePayment = new JsonObject().put("id", "inpay_5").put("object", "invoice_payment").put("invoice", "in_5")
        .put("amount_paid", 10_000).put("currency", "eur").put("status", "paid")
        .put("payment", new JsonObject().put("type", "payment_intent").put("payment_intent", "pi_5"));

    Api.Reply paid = deliver(event("evt_new_1", "invoice.paid", invoice));
    Api.Reply chargeSucceeded = deliver(event("evt_new_2", "charge.succeeded", charge));
    deliver(event("evt_new_3", "invoice_payment.paid", invoicePayment));
    Api.Reply refunded = deliver(event("evt_new_4", "charge.refunded", charge.copy().put("amount_refunded", 10_000).put("refunded", true)));

    assertThat(paid.json().getJsonArray("rewards").getJsonObject(0).getLong("amount_minor")).isEqualTo(2000);
    assertThat(chargeSucceeded.status()).isEqualTo(200);
    assertThat(Db.count("SELECT count(*) FROM payments WHERE tenant_id = ?", tenant.id())).isEqualTo(1);
    assertThat(refunded.json().getJsonArray("rewards").getJsonObject(0).getString("status")).isEqualTo("cancelled");
  }

  @Test
  @DisplayName("a customer whose metadata carries refgate_code is attributed through that code")
  void customerWithCode() {
    String code = api.referrer(tenant, "ana");

    Api.Reply reply = deliver(event("evt_cus_code", "customer.created", customer("cus_2", new JsonObject().put("new_user_id", "cy")
        .put("refgate_code", code))));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().getJsonObject("signup").getString("status")).isEqualTo("attributed");
    assertThat(Db.one("SELECT status FROM referees WHERE tenant_id = ? AND user_id = 'cy'", tenant.id())).isEqualTo("attributed");
  }

  @Test
  @DisplayName("events Refgate does not use, and charges of invoices, are acknowledged with 200 and change nothing")
  void ignoredEvents() {
    referredCustomer();

    Api.Reply other = deliver(event("evt_pm", "payment_method.attached", new JsonObject().put("id", "pm_1").put("object", "payment_method")));
    Api.Reply invoiceCharge = deliver(event("evt_ch", "charge.succeeded", charge("ch_9", "cus_1", 10_000, 0, "in_9")));

    assertThat(other.status()).isEqualTo(200);
    assertThat(invoiceCharge.status()).isEqualTo(200);
    assertThat(Db.count("SELECT count(*) FROM payments WHERE tenant_id = ?", tenant.id())).isZero();
  }

  @Test
  @DisplayName("a bad, stale or missing signature is 400 and nothing is stored")
  void refusesBadSignatures() {
    referredCustomer();
    String paid = event("evt_paid_3", "invoice.paid", invoice("in_3", "cus_1", 10_000, "ch_3"));
    long events = Db.count("SELECT count(*) FROM events WHERE tenant_id = ?", tenant.id());
    long now = Instant.now().getEpochSecond();

    Api.Reply wrongSecret = deliver(paid, "whsec_wrong", now);
    Api.Reply stale = deliver(paid, SECRET, now - 305);
    Api.Reply future = deliver(paid, SECRET, now + 305);
    Api.Reply tampered = api.send("POST", "/v1/webhooks/stripe/" + tenant.id(), null, paid.replace("10000", "99999"),
        Map.of("Stripe-Signature", "t=" + now + ",v1=" + sign(SECRET, now, paid)));
    Api.Reply unsigned = api.send("POST", "/v1/webhooks/stripe/" + tenant.id(), null, paid, Map.of());

    for (Api.Reply reply : new Api.Reply[] {wrongSecret, stale, future, tampered, unsigned}) {
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }
    assertThat(Db.count("SELECT count(*) FROM events WHERE tenant_id = ?", tenant.id())).isEqualTo(events);
    assertThat(Db.count("SELECT count(*) FROM payments WHERE tenant_id = ?", tenant.id())).isZero();
  }

  @Test
  @DisplayName("a signature among several v1 entries (a secret being rolled) is accepted, and within 300 s either way")
  void rolledSecretsAndTolerance() {
    referredCustomer();
    String paid = event("evt_paid_4", "invoice.paid", invoice("in_4", "cus_1", 10_000, "ch_4"));
    long early = Instant.now().getEpochSecond() + 290;

    Api.Reply reply = api.send("POST", "/v1/webhooks/stripe/" + tenant.id(), null, paid,
        Map.of("Stripe-Signature", "t=" + early + ",v1=" + sign("whsec_old", early, paid) + ",v1=" + sign(SECRET, early, paid)
            + ",v0=deadbeef"));

    assertThat(reply.status()).isEqualTo(201);
  }

  @Test
  @DisplayName("tenants without a signing secret, and unknown tenants, have no webhook: 404")
  void webhookOff() {
    Api.Tenant plain = api.tenant();
    long now = Instant.now().getEpochSecond();
    String payload = event("evt_x", "invoice.paid", invoice("in_x", "cus_x", 100, null));

    Api.Reply off = api.send("POST", "/v1/webhooks/stripe/" + plain.id(), null, payload,
        Map.of("Stripe-Signature", "t=" + now + ",v1=" + sign(SECRET, now, payload)));
    Api.Reply unknown = api.send("POST", "/v1/webhooks/stripe/" + UUID.randomUUID(), null, payload,
        Map.of("Stripe-Signature", "t=" + now + ",v1=" + sign(SECRET, now, payload)));

    assertThat(off.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a signing secret changed through the admin API is in force for the next delivery; the old one is refused")
  void rotatedSecret() {
    long now = Instant.now().getEpochSecond();
    String payload = event("evt_rotated", "customer.created", customer("cus_rotated", new JsonObject().put("new_user_id", "rotated")));
    assertThat(deliver(payload).status()).isEqualTo(201);
    String rotated = "whsec_rotated_" + UUID.randomUUID().toString().replace("-", "");

    assertThat(api.patch("/admin/v1/tenants/" + tenant.id(), TestEnvironment.ADMIN_TOKEN,
        new JsonObject().put("stripe_webhook_secret", rotated)).status()).isEqualTo(200);

    String next = event("evt_rotated_2", "customer.updated", customer("cus_rotated", new JsonObject().put("new_user_id", "rotated")));
    assertThat(deliver(next, SECRET, now).status()).isEqualTo(400);
    assertThat(deliver(next, rotated, now).status()).isEqualTo(201);
  }
}
