package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.testing.Api;
import io.refgate.testing.Db;
import io.refgate.testing.Parallel;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Referrers: enrolment and the active link (CONTRACT §3)")
class ReferrerApiIT {
  private final Api api = new Api(TestGateway.shared());
  private final Api.Tenant tenant = api.tenant();

  private Api.Reply enroll(JsonObject referrer) {
    return api.post("/v1/referrers", tenant.apiKey(), referrer);
  }

  @Test
  @DisplayName("a new referrer is enrolled with a generated code and its full public link; the next upsert returns the same")
  void enrollsOnce() {
    String campaign = api.campaign(tenant, new JsonObject()).getString("id");

    Api.Reply first = enroll(new JsonObject().put("user_id", "u_123").put("email", "ana@acme.example"));
    Api.Reply again = enroll(new JsonObject().put("user_id", "u_123").put("organization_id", "org_9"));

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().getString("user_id")).isEqualTo("u_123");
    assertThat(first.json().getString("campaign_id")).isEqualTo(campaign);
    assertThat(first.json().getString("code")).matches("[A-Za-z0-9]{8,}");
    assertThat(first.json().getString("link")).isEqualTo("http://localhost:8080/r/" + first.json().getString("code"));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(api.get("/v1/referrers/u_123/link", tenant.apiKey()).json()).isEqualTo(first.json());
  }

  @Test
  @DisplayName("emails are stored only as hashes")
  void hashesEmails() {
    api.campaign(tenant, new JsonObject());
    enroll(new JsonObject().put("user_id", "u_mail").put("email", "Ana.Secret@Acme.example"));

    assertThat(Db.count("SELECT count(*) FROM referrers WHERE tenant_id = ? AND user_id = 'u_mail' AND email_hash IS NOT NULL",
        tenant.id())).isEqualTo(1);
    assertThat(Db.count("SELECT count(*) FROM referrers WHERE position(convert_to('ana.secret', 'UTF8') in email_hash) > 0"
        + " OR attributes::text ILIKE '%ana.secret%'")).isZero();
  }

  @Test
  @DisplayName("the segment and then the lowest priority pick the campaign; an attribute the referrer lacks does not exclude it")
  void selectsBySegmentAndPriority() {
    String business = api.campaign(tenant, new JsonObject().put("priority", 10)
        .put("segment", new JsonObject().put("tier", new JsonArray().add("business").add("enterprise")))).getString("id");
    String everyone = api.campaign(tenant, new JsonObject().put("priority", 20)).getString("id");
    api.campaign(tenant, new JsonObject().put("priority", 1).put("active", false));

    assertThat(campaignOf("u_biz", new JsonObject().put("tier", "business"))).isEqualTo(business);
    assertThat(campaignOf("u_free", new JsonObject().put("tier", "free"))).isEqualTo(everyone);
    assertThat(campaignOf("u_none", new JsonObject().put("region", "EU"))).isEqualTo(business);
  }

  @Test
  @DisplayName("an experiment splits referrers between its arms by weight, and a user always lands in the same arm")
  void splitsExperiments() {
    JsonObject arm = new JsonObject().put("priority", 1);
    String a = api.campaign(tenant, arm.copy().put("experiment", new JsonObject().put("key", "q1-test").put("weight", 50))).getString("id");
    String b = api.campaign(tenant, arm.copy().put("experiment", new JsonObject().put("key", "q1-test").put("weight", 50))).getString("id");

    Map<String, Integer> arms = new HashMap<>();
    IntStream.range(0, 60).forEach(i -> arms.merge(campaignOf("exp_" + i, new JsonObject()), 1, Integer::sum));

    assertThat(arms.keySet()).containsExactlyInAnyOrder(a, b);
    assertThat(arms.get(a)).isBetween(15, 45);
    for (int i = 0; i < 10; i++) {
      assertThat(campaignOf("exp_" + i, new JsonObject())).isEqualTo(campaignOf("exp_" + i, new JsonObject()));
    }
  }

  @Test
  @DisplayName("with no campaign to join, enrolment is refused and no referrer is stored")
  void refusesWithoutCampaign() {
    Api.Reply reply = enroll(new JsonObject().put("user_id", "u_lonely"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorFields()).containsExactly("attributes");
    assertThat(Db.count("SELECT count(*) FROM referrers WHERE tenant_id = ?", tenant.id())).isZero();
  }

  @Test
  @DisplayName("bad referrer fields are named and nothing is stored")
  void validatesReferrers() {
    api.campaign(tenant, new JsonObject());

    Api.Reply reply = enroll(new JsonObject().put("user_id", "").put("email", "not-an-email")
        .put("attributes", new JsonObject().put("tier", new JsonObject())).put("partner", "yes"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorFields()).containsExactlyInAnyOrder("user_id", "email", "attributes.tier", "partner");
    assertThat(Db.count("SELECT count(*) FROM referrers WHERE tenant_id = ?", tenant.id())).isZero();
  }

  @Test
  @DisplayName("concurrent first enrolments of one user end with one referrer and one link")
  void enrollsConcurrentlyOnce() {
    api.campaign(tenant, new JsonObject());

    var codes = Parallel.run(8, i -> enroll(new JsonObject().put("user_id", "u_race")).json().getString("code")).stream()
        .distinct().toList();

    assertThat(codes).hasSize(1);
    assertThat(Db.count("SELECT count(*) FROM links l JOIN referrers r ON r.id = l.referrer_id WHERE r.tenant_id = ?",
        tenant.id())).isEqualTo(1);
  }

  @Test
  @DisplayName("a referrer whose links were all disabled gets a new active link on the next upsert")
  void reenrollsAfterDisable() {
    api.campaign(tenant, new JsonObject());
    String first = enroll(new JsonObject().put("user_id", "u_again")).json().getString("code");
    api.patch("/v1/links/" + first, tenant.apiKey(), new JsonObject().put("active", false));

    assertThat(api.get("/v1/referrers/u_again/link", tenant.apiKey()).status()).isEqualTo(404);
    Api.Reply again = enroll(new JsonObject().put("user_id", "u_again"));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getString("code")).isNotEqualTo(first);
  }

  @Test
  @DisplayName("another tenant's referrer does not exist here")
  void isolatesReferrers() {
    Api.Tenant other = api.tenant();
    api.campaign(other, new JsonObject());
    api.referrer(other, "u_theirs");

    assertThat(api.get("/v1/referrers/u_theirs/link", tenant.apiKey()).status()).isEqualTo(404);
  }

  private String campaignOf(String userId, JsonObject attributes) {
    return enroll(new JsonObject().put("user_id", userId).put("attributes", attributes)).json().getString("campaign_id");
  }
}
