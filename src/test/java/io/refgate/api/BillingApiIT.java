package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.refgate.app.Refgate;
import io.refgate.testing.Api;
import io.refgate.testing.Db;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Payments, refunds and milestones turn into rewards (CONTRACT §2, §5)")
class BillingApiIT {
  private static Refgate gateway;
  private static Api api;
  private final Api.Tenant tenant = api.tenant();

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("rewards.approval_interval_ms", "100"));
    api = new Api(gateway);
  }

  @AfterAll
  static void stop() {
    TestGateway.stop(gateway);
  }

  /** A campaign with the given referrer reward, a referrer "ana" and an attributed referee "bo" of org_55. */
  private void referredBo(JsonObject referrerReward, JsonObject campaignExtra) {
    api.campaign(tenant, new JsonObject().put("referrer_reward", referrerReward).mergeIn(campaignExtra));
    String code = api.referrer(tenant, "ana");
    api.event(tenant, "signup", new JsonObject().put("event_id", "signup-bo").put("new_user_id", "bo")
        .put("organization_id", "org_55").put("code", code));
  }

  private Api.Reply pay(String paymentId, long amount, JsonObject who) {
    return api.event(tenant, "billing", new JsonObject().put("event_id", "pay-" + paymentId).put("type", "invoice.paid")
        .put("payment_id", paymentId).put("amount_minor", amount).put("currency", "EUR").mergeIn(who));
  }

  private Api.Reply refund(String paymentId, Long amount) {
    JsonObject body = new JsonObject().put("event_id", "refund-" + UUID.randomUUID()).put("type", "charge.refunded")
        .put("payment_id", paymentId);
    return api.event(tenant, "billing", amount == null ? body : body.put("amount_minor", amount));
  }

  private static JsonObject bo() {
    return new JsonObject().put("new_user_id", "bo");
  }

  private static List<Long> amounts(Api.Reply reply) {
    return reply.json().getJsonArray("rewards").stream().map(r -> ((JsonObject) r).getLong("amount_minor")).toList();
  }

  @Test
  @DisplayName("a campaign's reward rule changed through the API applies to the next payment at once")
  void changedRuleAppliesAtOnce() {
    referredBo(new JsonObject().put("type", "percent").put("percent", 20).put("trigger", "every_payment"), new JsonObject());
    String campaign = Db.one("SELECT campaign_id FROM referees WHERE tenant_id = ? AND user_id = 'bo'", tenant.id())
        .toString();
    assertThat(amounts(pay("in_before", 10_000, bo()))).containsExactly(2000L);

    assertThat(api.patch("/v1/campaigns/" + campaign, tenant.apiKey(), new JsonObject().put("referrer_reward",
        new JsonObject().put("type", "percent").put("percent", 10).put("trigger", "every_payment"))).status()).isEqualTo(200);

    assertThat(amounts(pay("in_after", 10_000, bo()))).containsExactly(1000L);
  }

  @Test
  @DisplayName("every_payment pays a percent of each payment (half-even to cents) up to max_payments")
  void everyPaymentUpToMax() {
    referredBo(new JsonObject().put("type", "percent").put("percent", 12.5).put("trigger", "every_payment").put("max_payments", 2),
        new JsonObject());

    Api.Reply first = pay("in_1", 10_004, bo());
    Api.Reply second = pay("in_2", 10_012, bo());
    Api.Reply third = pay("in_3", 10_000, bo());

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().getBoolean("attributed")).isTrue();
    assertThat(amounts(first)).containsExactly(1250L);
    assertThat(amounts(second)).containsExactly(1252L);
    assertThat(third.json().getBoolean("attributed")).isTrue();
    assertThat(amounts(third)).isEmpty();
    JsonObject reward = first.json().getJsonArray("rewards").getJsonObject(0);
    assertThat(reward.getString("beneficiary")).isEqualTo("referrer");
    assertThat(reward.getString("currency")).isEqualTo("EUR");
    assertThat(reward.getString("status")).isEqualTo("pending");
  }

  @Test
  @DisplayName("first_payment pays once; cap_minor caps the total per referee; hold_days sets available_at")
  void firstPaymentCapAndHold() {
    referredBo(new JsonObject().put("type", "percent").put("percent", 20).put("trigger", "every_payment").put("cap_minor", 3000),
        new JsonObject().put("hold_days", 10));
    String paidAt = "2026-11-01T12:00:00Z";

    Api.Reply first = api.event(tenant, "billing", new JsonObject().put("event_id", "p1").put("type", "charge.succeeded")
        .put("payment_id", "ch_1").put("amount_minor", 10_000).put("currency", "EUR").put("new_user_id", "bo").put("occurred_at", paidAt));
    Api.Reply second = pay("in_2", 10_000, bo());
    Api.Reply third = pay("in_3", 10_000, bo());

    assertThat(amounts(first)).containsExactly(2000L);
    assertThat(first.json().getJsonArray("rewards").getJsonObject(0).getString("available_at")).isEqualTo("2026-11-11T12:00:00Z");
    assertThat(amounts(second)).containsExactly(1000L);
    assertThat(amounts(third)).isEmpty();
  }

  @Test
  @DisplayName("a free trial invoice (0.00) earns nothing and is not the first payment")
  void zeroPayments() {
    referredBo(new JsonObject().put("type", "flat").put("amount_minor", 5000).put("currency", "EUR").put("trigger", "first_payment"),
        new JsonObject());

    Api.Reply trial = pay("in_trial", 0, bo());
    Api.Reply first = pay("in_first", 4900, bo());

    assertThat(trial.status()).isEqualTo(201);
    assertThat(trial.json().getBoolean("attributed")).isTrue();
    assertThat(amounts(trial)).isEmpty();
    assertThat(amounts(first)).containsExactly(5000L);
  }

  @Test
  @DisplayName("a payment made for the organisation counts for the user who was referred into it")
  void organisationLevelMatching() {
    referredBo(new JsonObject().put("type", "flat").put("amount_minor", 5000).put("currency", "USD").put("trigger", "first_payment"),
        new JsonObject());

    Api.Reply reply = pay("in_org", 99_00, new JsonObject().put("organization_id", "org_55"));

    assertThat(reply.json().getBoolean("attributed")).isTrue();
    assertThat(amounts(reply)).containsExactly(5000L);
    assertThat(reply.json().getJsonArray("rewards").getJsonObject(0).getString("currency")).isEqualTo("USD");
  }

  @Test
  @DisplayName("a payment nobody was referred for is stored unattributed and earns nothing")
  void unattributedPayment() {
    referredBo(new JsonObject().put("type", "percent").put("percent", 20).put("trigger", "every_payment"), new JsonObject());

    Api.Reply reply = pay("in_x", 10_000, new JsonObject().put("new_user_id", "stranger"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().getBoolean("attributed")).isFalse();
    assertThat(amounts(reply)).isEmpty();
  }

  @Test
  @DisplayName("the same payment sent again under another event id earns nothing more")
  void paymentCountedOnce() {
    referredBo(new JsonObject().put("type", "percent").put("percent", 20).put("trigger", "every_payment"), new JsonObject());
    Api.Reply first = pay("in_1", 10_000, bo());

    Api.Reply again = api.event(tenant, "billing", new JsonObject().put("event_id", "another-id").put("type", "invoice.paid")
        .put("payment_id", "in_1").put("amount_minor", 10_000).put("currency", "EUR").put("new_user_id", "bo"));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getJsonArray("rewards")).isEqualTo(first.json().getJsonArray("rewards"));
    assertThat(api.get("/v1/rewards", tenant.apiKey()).items()).hasSize(1);
  }

  @Test
  @DisplayName("refunds shrink a pending reward by the refunded share and cancel it when the payment is fully refunded")
  void refundsShrinkPendingRewards() {
    referredBo(new JsonObject().put("type", "percent").put("percent", 20).put("trigger", "every_payment"), new JsonObject());
    pay("in_1", 10_005, bo());

    Api.Reply partial = refund("in_1", 5_000L);
    Api.Reply rest = refund("in_1", null);

    assertThat(partial.status()).isEqualTo(201);
    assertThat(amounts(partial)).containsExactly(1001L);
    assertThat(partial.json().getJsonArray("rewards").getJsonObject(0).getString("status")).isEqualTo("pending");
    assertThat(amounts(rest)).containsExactly(0L);
    assertThat(rest.json().getJsonArray("rewards").getJsonObject(0).getString("status")).isEqualTo("cancelled");
    assertThat(api.get("/v1/rewards?status=cancelled", tenant.apiKey()).items()).hasSize(1);
  }

  @Test
  @DisplayName("a refund of an approved or paid reward adds a negative clawback entry, never more than the reward")
  void refundsClawBackApprovedRewards() {
    referredBo(new JsonObject().put("type", "percent").put("percent", 20).put("trigger", "every_payment"), new JsonObject().put("hold_days", 0));
    String rewardId = pay("in_1", 10_000, bo()).json().getJsonArray("rewards").getJsonObject(0).getString("id");
    await().atMost(Duration.ofSeconds(5)).until(() -> "approved".equals(statusOf(rewardId)));
    assertThat(api.post("/v1/rewards/" + rewardId + "/paid", tenant.apiKey(), new JsonObject()).status()).isEqualTo(200);

    Api.Reply partial = refund("in_1", 2_500L);
    Api.Reply rest = refund("in_1", 99_999L);
    Api.Reply nothingLeft = refund("in_1", null);

    JsonObject clawback = partial.json().getJsonArray("rewards").getJsonObject(0);
    assertThat(clawback.getString("kind")).isEqualTo("clawback");
    assertThat(clawback.getLong("amount_minor")).isEqualTo(-500);
    assertThat(amounts(rest)).containsExactly(-1500L);
    assertThat(amounts(nothingLeft)).isEmpty();
    assertThat(Db.count("SELECT sum(amount_minor) FROM rewards WHERE tenant_id = ? AND status <> 'cancelled'", tenant.id())).isZero();
    assertThat(statusOf(rewardId)).isEqualTo("paid");
  }

  @Test
  @DisplayName("a refund of a payment never reported is 404 and stores nothing; a refund in another currency is 422")
  void badRefunds() {
    referredBo(new JsonObject().put("type", "percent").put("percent", 20).put("trigger", "every_payment"), new JsonObject());
    pay("in_1", 10_000, bo());
    long events = Db.count("SELECT count(*) FROM events WHERE tenant_id = ?", tenant.id());

    Api.Reply unknown = refund("in_nope", 100L);
    Api.Reply currency = api.event(tenant, "billing", new JsonObject().put("event_id", "r-usd").put("type", "charge.refunded")
        .put("payment_id", "in_1").put("amount_minor", 100).put("currency", "USD"));

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(currency.status()).isEqualTo(422);
    assertThat(currency.errorFields()).containsExactly("currency");
    assertThat(Db.count("SELECT count(*) FROM events WHERE tenant_id = ?", tenant.id())).isEqualTo(events);
  }

  @Test
  @DisplayName("a milestone pays the rewards triggered by that milestone, once per referee")
  void milestones() {
    referredBo(new JsonObject().put("type", "flat").put("amount_minor", 1500).put("currency", "EUR").put("trigger", "milestone")
        .put("milestone", "demo_attended"), new JsonObject());

    Api.Reply other = api.event(tenant, "milestone", new JsonObject().put("event_id", "m0").put("new_user_id", "bo").put("name", "webinar"));
    Api.Reply reached = api.event(tenant, "milestone", new JsonObject().put("event_id", "m1").put("organization_id", "org_55")
        .put("name", "demo_attended"));
    Api.Reply again = api.event(tenant, "milestone", new JsonObject().put("event_id", "m2").put("new_user_id", "bo")
        .put("name", "demo_attended"));
    Api.Reply stranger = api.event(tenant, "milestone", new JsonObject().put("event_id", "m3").put("new_user_id", "nobody")
        .put("name", "demo_attended"));

    assertThat(amounts(other)).isEmpty();
    assertThat(reached.status()).isEqualTo(201);
    assertThat(amounts(reached)).containsExactly(1500L);
    assertThat(amounts(again)).isEmpty();
    assertThat(stranger.json().getBoolean("attributed")).isFalse();
  }

  @Test
  @DisplayName("bad billing events name their field and store nothing")
  void validates() {
    long events = Db.count("SELECT count(*) FROM events WHERE tenant_id = ?", tenant.id());

    Api.Reply negative = api.event(tenant, "billing", new JsonObject().put("event_id", "b1").put("type", "invoice.paid")
        .put("new_user_id", "bo").put("payment_id", "in_1").put("amount_minor", -1).put("currency", "EUR"));
    Api.Reply lowerCase = api.event(tenant, "billing", new JsonObject().put("event_id", "b2").put("type", "invoice.paid")
        .put("new_user_id", "bo").put("payment_id", "in_1").put("amount_minor", 100).put("currency", "eur"));
    Api.Reply unknownType = api.event(tenant, "billing", new JsonObject().put("event_id", "b3").put("type", "invoice.created")
        .put("payment_id", "in_1"));
    Api.Reply noId = api.event(tenant, "billing", new JsonObject().put("type", "invoice.paid").put("new_user_id", "bo")
        .put("payment_id", "in_1").put("amount_minor", 100).put("currency", "EUR"));
    Api.Reply nobody = api.event(tenant, "billing", new JsonObject().put("event_id", "b4").put("type", "invoice.paid")
        .put("payment_id", "in_1").put("amount_minor", 100).put("currency", "EUR"));

    assertThat(negative.errorFields()).containsExactly("amount_minor");
    assertThat(lowerCase.errorFields()).containsExactly("currency");
    assertThat(unknownType.errorFields()).containsExactly("type");
    assertThat(noId.errorFields()).containsExactly("event_id");
    assertThat(nobody.errorFields()).containsExactly("new_user_id");
    for (Api.Reply reply : List.of(negative, lowerCase, unknownType, noId, nobody)) {
      assertThat(reply.status()).isEqualTo(422);
    }
    assertThat(Db.count("SELECT count(*) FROM events WHERE tenant_id = ?", tenant.id())).isEqualTo(events);
  }

  private String statusOf(String rewardId) {
    return (String) Db.one("SELECT status FROM rewards WHERE id = ?::uuid", rewardId);
  }

}
