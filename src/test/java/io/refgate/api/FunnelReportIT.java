package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.testing.Api;
import io.refgate.testing.Browsers;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The referral funnel report (CONTRACT §6)")
class FunnelReportIT {
  private final Api api = new Api(TestGateway.shared());
  private final Api.Tenant tenant = api.tenant();
  private String main;

  /**
   * ana, ben, cat in the main campaign, dan in another. ana viewed and shared, ben viewed. Human
   * clicks: ana 3 (and a bot), ben 1, cat 1, dan 2. Signups: bo via ana, cy via cat, eve via dan,
   * dee unattributed. bo paid 100.00: 20 % to ana; bo and cy got a 20.00 credit at signup.
   */
  @BeforeAll
  void scenario() {
    main = api.campaign(tenant, new JsonObject().put("referee_reward", new JsonObject().put("type", "credit")
        .put("amount_minor", 2000).put("currency", "EUR"))).getString("id");
    api.campaign(tenant, new JsonObject().put("priority", 1).put("segment", new JsonObject().put("tier", new JsonArray().add("y"))));
    String ana = enroll("ana", "x");
    String ben = enroll("ben", "x");
    String cat = enroll("cat", "x");
    String dan = enroll("dan", "y");
    activity("ana", "viewed");
    activity("ana", "shared");
    activity("ben", "viewed");
    clicks(ana, 3);
    api.click(ana, Browsers.SLACKBOT);
    clicks(ben, 1);
    clicks(cat, 1);
    clicks(dan, 2);
    signup("bo", ana);
    signup("cy", cat);
    signup("eve", dan);
    signup("dee", null);
    api.event(tenant, "billing", new JsonObject().put("event_id", "pay-bo").put("type", "invoice.paid").put("new_user_id", "bo")
        .put("payment_id", "in_bo").put("amount_minor", 10_000).put("currency", "EUR"));
    TestGateway.shared().clickWriter().flush(5_000).await();
  }

  private String enroll(String userId, String tier) {
    return api.post("/v1/referrers", tenant.apiKey(), new JsonObject().put("user_id", userId)
        .put("attributes", new JsonObject().put("tier", tier))).json().getString("code");
  }

  private void activity(String userId, String type) {
    api.event(tenant, "activity", new JsonObject().put("event_id", UUID.randomUUID().toString()).put("user_id", userId).put("type", type));
  }

  private void clicks(String code, int n) {
    for (int i = 0; i < n; i++) {
      api.click(code, Browsers.CHROME);
    }
  }

  private void signup(String userId, String code) {
    api.event(tenant, "signup", new JsonObject().put("event_id", "s-" + userId).put("new_user_id", userId).put("code", code));
  }

  private JsonObject funnel(String query) {
    Api.Reply reply = api.get("/v1/reports/funnel" + query, tenant.apiKey());
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  @Test
  @DisplayName("the whole tenant's funnel counts human clicks only and derives every rate")
  void wholeTenant() {
    JsonObject funnel = funnel("");

    assertThat(funnel.getLong("referrers")).isEqualTo(4);
    assertThat(funnel.getLong("active_referrers")).isEqualTo(2);
    assertThat(funnel.getLong("sharing_referrers")).isEqualTo(4);
    assertThat(funnel.getLong("clicks")).isEqualTo(7);
    assertThat(funnel.getLong("signups")).isEqualTo(3);
    assertThat(funnel.getLong("conversions")).isEqualTo(1);
    assertThat(funnel.getLong("revenue_minor")).isEqualTo(10_000);
    assertThat(funnel.getLong("reward_cost_minor")).isEqualTo(6_000);
    assertThat(funnel.getDouble("activation_rate")).isEqualTo(0.5);
    assertThat(funnel.getDouble("sharing_rate")).isEqualTo(2.0);
    assertThat(funnel.getDouble("signup_rate")).isEqualTo(3.0 / 7);
    assertThat(funnel.getDouble("conversion_rate")).isEqualTo(1.0 / 3);
    assertThat(funnel.getLong("referral_cac_minor")).isEqualTo(6_000);
  }

  @Test
  @DisplayName("one campaign's funnel counts only its referrers, clicks, signups and rewards")
  void oneCampaign() {
    JsonObject funnel = funnel("?campaign_id=" + main);

    assertThat(funnel.getLong("referrers")).isEqualTo(3);
    assertThat(funnel.getLong("sharing_referrers")).isEqualTo(3);
    assertThat(funnel.getLong("clicks")).isEqualTo(5);
    assertThat(funnel.getLong("signups")).isEqualTo(2);
    assertThat(funnel.getLong("conversions")).isEqualTo(1);
    assertThat(funnel.getDouble("conversion_rate")).isEqualTo(0.5);
  }

  @Test
  @DisplayName("a time range with nothing in it gives zero counts and null rates where a denominator is zero")
  void emptyRange() {
    Instant later = Instant.now().plus(1, ChronoUnit.HOURS);

    JsonObject funnel = funnel("?from=" + later + "&to=" + later.plus(1, ChronoUnit.HOURS));

    assertThat(funnel.getLong("clicks")).isZero();
    assertThat(funnel.getLong("active_referrers")).isZero();
    assertThat(funnel.getDouble("activation_rate")).isZero();
    for (String rate : new String[] {"sharing_rate", "signup_rate", "conversion_rate", "referral_cac_minor"}) {
      assertThat(funnel.containsKey(rate)).isTrue();
      assertThat(funnel.getValue(rate)).as(rate).isNull();
    }
  }

  @Test
  @DisplayName("bad parameters are 422 naming them; another tenant's campaign is 404")
  void badParameters() {
    assertThat(api.get("/v1/reports/funnel?from=yesterday", tenant.apiKey()).errorFields()).containsExactly("from");
    assertThat(api.get("/v1/reports/funnel?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", tenant.apiKey()).errorFields())
        .containsExactly("to");
    assertThat(api.get("/v1/reports/funnel?campaign_id=nope", tenant.apiKey()).errorFields()).containsExactly("campaign_id");
    assertThat(api.get("/v1/reports/funnel?campaign_id=" + main, api.tenant().apiKey()).status()).isEqualTo(404);
  }
}
