package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.app.Refgate;
import io.refgate.testing.Api;
import io.refgate.testing.Browsers;
import io.refgate.testing.Db;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Server-side attribution of signups (CONTRACT §5)")
class SignupApiIT {
  /** Clicks stay buffered until something flushes them: a signup must still find its click. */
  private static Refgate gateway;
  private static Api api;
  private Api.Tenant tenant;
  private String campaign;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("clicks.flush_interval_ms", "60000"));
    api = new Api(gateway);
  }

  @AfterAll
  static void stop() {
    TestGateway.stop(gateway);
  }

  private void tenantWith(JsonObject settings) {
    tenant = api.tenant(new JsonObject().put("name", "Acme " + UUID.randomUUID())
        .put("allowed_hosts", new JsonArray().add("acme.example")).mergeIn(settings));
    campaign = api.campaign(tenant, new JsonObject().put("referee_reward", new JsonObject().put("type", "credit")
        .put("amount_minor", 2000).put("currency", "EUR").put("description", "1 month free"))).getString("id");
  }

  private String enroll(String userId, JsonObject extra) {
    return api.post("/v1/referrers", tenant.apiKey(), new JsonObject().put("user_id", userId).mergeIn(extra)).json().getString("code");
  }

  private Api.Reply signup(JsonObject body) {
    return api.event(tenant, "signup", body.put("event_id", body.getString("event_id", "evt_" + UUID.randomUUID())));
  }

  @Test
  @DisplayName("a signup a moment after its click is attributed by the click id, and the referee's reward is in the ledger")
  void attributesByClick() {
    tenantWith(new JsonObject());
    String code = enroll("ana", new JsonObject());
    String clickId = Api.clickIdOf(api.click(code, Browsers.CHROME));

    Api.Reply reply = signup(new JsonObject().put("new_user_id", "bo").put("click_id", clickId));

    assertThat(reply.status()).isEqualTo(201);
    JsonObject result = reply.json();
    assertThat(result.getString("status")).isEqualTo("attributed");
    assertThat(result.getValue("reason")).isNull();
    assertThat(result.getString("referrer_user_id")).isEqualTo("ana");
    assertThat(result.getString("campaign_id")).isEqualTo(campaign);
    assertThat(result.getString("code")).isEqualTo(code);
    JsonObject reward = result.getJsonObject("referee_reward");
    assertThat(reward.getLong("amount_minor")).isEqualTo(2000);
    assertThat(reward.getString("currency")).isEqualTo("EUR");
    assertThat(reward.getString("status")).isEqualTo("pending");
    assertThat(api.get("/v1/rewards?user_id=bo", tenant.apiKey()).items()).singleElement().isEqualTo(reward);
  }

  @Test
  @DisplayName("a campaign rewarding both sides at signup puts both rewards in the ledger once, and a replay adds none")
  void bothSidesRewardedAtSignup() {
    tenantWith(new JsonObject());
    api.patch("/v1/campaigns/" + campaign, tenant.apiKey(), new JsonObject().put("referrer_reward", new JsonObject().put("type", "flat")
        .put("amount_minor", 500).put("currency", "EUR").put("trigger", "signup")));
    String code = enroll("ana", new JsonObject());
    JsonObject body = new JsonObject().put("event_id", "evt_both").put("new_user_id", "bo").put("code", code);

    Api.Reply first = signup(body.copy());
    Api.Reply replay = signup(body.copy());

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().getJsonObject("referee_reward").getLong("amount_minor")).isEqualTo(2000);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json()).isEqualTo(first.json());
    JsonArray referrers = api.get("/v1/rewards?user_id=ana", tenant.apiKey()).items();
    assertThat(referrers).hasSize(1);
    assertThat(referrers.getJsonObject(0).getLong("amount_minor")).isEqualTo(500);
    assertThat(referrers.getJsonObject(0).getString("beneficiary")).isEqualTo("referrer");
    assertThat(api.get("/v1/rewards?user_id=bo", tenant.apiKey()).items()).singleElement()
        .isEqualTo(first.json().getJsonObject("referee_reward"));
  }

  @Test
  @DisplayName("a code attributes when there is no click id; the click id beats a code when both are given")
  void codeAndClickPrecedence() {
    tenantWith(new JsonObject());
    String anaCode = enroll("ana", new JsonObject());
    String carlCode = enroll("carl", new JsonObject());
    String clickOnCarl = Api.clickIdOf(api.click(carlCode, Browsers.CHROME));

    assertThat(signup(new JsonObject().put("new_user_id", "bo").put("code", anaCode)).json().getString("referrer_user_id"))
        .isEqualTo("ana");
    assertThat(signup(new JsonObject().put("new_user_id", "dee").put("code", anaCode).put("click_id", clickOnCarl)).json()
        .getString("referrer_user_id")).isEqualTo("carl");
  }

  @Test
  @DisplayName("unknown, foreign and disabled codes leave the signup unattributed, saying why")
  void unattributedReasons() {
    tenantWith(new JsonObject());
    String code = enroll("ana", new JsonObject());
    api.patch("/v1/links/" + code, tenant.apiKey(), new JsonObject().put("active", false));
    Api.Tenant other = api.tenant();
    api.campaign(other, new JsonObject());
    String foreign = api.referrer(other, "zed");

    JsonObject unknown = signup(new JsonObject().put("new_user_id", "u1").put("code", "NoSuchCode")).json();
    assertThat(unknown.getString("status")).isEqualTo("unattributed");
    assertThat(unknown.getString("reason")).isEqualTo("unknown_code");
    assertThat(signup(new JsonObject().put("new_user_id", "u2").put("code", foreign)).json().getString("reason")).isEqualTo("unknown_code");
    assertThat(signup(new JsonObject().put("new_user_id", "u3").put("code", code)).json().getString("reason")).isEqualTo("inactive_code");
    assertThat(signup(new JsonObject().put("new_user_id", "u4").put("click_id", "0000000000000000000000")).json().getString("reason"))
        .isEqualTo("unknown_code");
    JsonObject plain = signup(new JsonObject().put("new_user_id", "u5")).json();
    assertThat(plain.getString("status")).isEqualTo("unattributed");
    assertThat(plain.getValue("reason")).isNull();
    assertThat(plain.getValue("referee_reward")).isNull();
  }

  @Test
  @DisplayName("a click older than the tenant's attribution window has expired")
  void expiredClick() {
    tenantWith(new JsonObject().put("attribution_window_days", 1));
    String code = enroll("ana", new JsonObject());
    String clickId = Api.clickIdOf(api.click(code, Browsers.CHROME));
    String inTwoDays = Instant.now().plus(2, ChronoUnit.DAYS).toString();

    JsonObject result = signup(new JsonObject().put("new_user_id", "bo").put("click_id", clickId).put("occurred_at", inTwoDays)).json();

    assertThat(result.getString("status")).isEqualTo("unattributed");
    assertThat(result.getString("reason")).isEqualTo("expired");
  }

  @Test
  @DisplayName("referring yourself, by user id, organisation or email in any case, is rejected and earns nothing")
  void selfReferral() {
    tenantWith(new JsonObject());
    String code = enroll("ana", new JsonObject().put("organization_id", "org_9").put("email", "Ana@Acme.example"));

    JsonObject byUser = signup(new JsonObject().put("new_user_id", "ana").put("code", code)).json();
    JsonObject byOrg = signup(new JsonObject().put("new_user_id", "colleague").put("organization_id", "org_9").put("code", code)).json();
    JsonObject byEmail = signup(new JsonObject().put("new_user_id", "alias").put("email", " ana@acme.EXAMPLE").put("code", code)).json();

    for (JsonObject result : new JsonObject[] {byUser, byOrg, byEmail}) {
      assertThat(result.getString("status")).isEqualTo("rejected");
      assertThat(result.getString("reason")).isEqualTo("self_referral");
      assertThat(result.getValue("referee_reward")).isNull();
    }
    assertThat(api.get("/v1/rewards", tenant.apiKey()).items()).isEmpty();
  }

  @Test
  @DisplayName("the first attribution of a user wins: a later signup, and its replay, return it with 200")
  void firstAttributionWins() {
    tenantWith(new JsonObject());
    String anaCode = enroll("ana", new JsonObject());
    String carlCode = enroll("carl", new JsonObject());
    JsonObject first = signup(new JsonObject().put("new_user_id", "bo").put("code", anaCode)).json();

    Api.Reply later = signup(new JsonObject().put("event_id", "s-later").put("new_user_id", "bo").put("code", carlCode));
    Api.Reply replayed = signup(new JsonObject().put("event_id", "s-later").put("new_user_id", "bo").put("code", carlCode));

    assertThat(later.status()).isEqualTo(200);
    assertThat(later.json()).isEqualTo(first);
    assertThat(replayed.status()).isEqualTo(200);
    assertThat(replayed.json()).isEqualTo(first);
    assertThat(api.get("/v1/rewards?user_id=bo", tenant.apiKey()).items()).hasSize(1);
  }

  @Test
  @DisplayName("a user whose first signup carried no evidence is attributed by a later signup that does")
  void unattributedCanBeAttributedLater() {
    tenantWith(new JsonObject());
    String code = enroll("ana", new JsonObject());
    signup(new JsonObject().put("new_user_id", "bo"));

    Api.Reply later = signup(new JsonObject().put("new_user_id", "bo").put("code", code));

    assertThat(later.status()).isEqualTo(201);
    assertThat(later.json().getString("status")).isEqualTo("attributed");
    assertThat(Db.count("SELECT count(*) FROM referees WHERE tenant_id = ? AND user_id = 'bo'", tenant.id())).isEqualTo(1);
  }

  @Test
  @DisplayName("a signup without new_user_id is refused naming it, and nothing is stored")
  void validates() {
    tenantWith(new JsonObject());

    Api.Reply reply = signup(new JsonObject().put("email", "nope"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorFields()).containsExactlyInAnyOrder("new_user_id", "email");
    assertThat(Db.count("SELECT count(*) FROM events WHERE tenant_id = ?", tenant.id())).isZero();
    assertThat(Db.count("SELECT count(*) FROM referees WHERE tenant_id = ?", tenant.id())).isZero();
  }
}
