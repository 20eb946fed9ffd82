package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.testing.Api;
import io.refgate.testing.Db;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Campaigns API (CONTRACT §2)")
class CampaignApiIT {
  private final Api api = new Api(TestGateway.shared());
  private final Api.Tenant tenant = api.tenant();

  private static JsonObject campaign() {
    return new JsonObject()
        .put("name", "Business tier 2026")
        .put("destination_url", "https://acme.example/signup")
        .put("referrer_reward", new JsonObject().put("type", "percent").put("percent", 20).put("trigger", "every_payment")
            .put("max_payments", 12).put("cap_minor", 50000))
        .put("referee_reward", new JsonObject().put("type", "credit").put("amount_minor", 2000).put("currency", "EUR")
            .put("description", "1 month free"));
  }

  @Test
  @DisplayName("a campaign is stored with its rules and the documented defaults")
  void createsCampaign() {
    Api.Reply reply = api.post("/v1/campaigns", tenant.apiKey(), campaign());

    assertThat(reply.status()).isEqualTo(201);
    JsonObject c = reply.json();
    assertThat(c.getString("id")).isNotBlank();
    assertThat(c.getJsonObject("referrer_reward")).isEqualTo(campaign().getJsonObject("referrer_reward"));
    assertThat(c.getJsonObject("referee_reward").getString("trigger")).isEqualTo("signup");
    assertThat(c.getInteger("hold_days")).isEqualTo(30);
    assertThat(c.getInteger("priority")).isEqualTo(100);
    assertThat(c.getBoolean("active")).isTrue();
    assertThat(c.getJsonObject("segment")).isEqualTo(new JsonObject());
    assertThat(c.getValue("experiment")).isNull();
    assertThat(api.get("/v1/campaigns/" + c.getString("id"), tenant.apiKey()).json()).isEqualTo(c);
  }

  @Test
  @DisplayName("a destination outside the tenant's allowed hosts is refused: the gateway is no open redirect")
  void refusesForeignDestinations() {
    long before = Db.count("SELECT count(*) FROM campaigns");
    for (String url : new String[] {"https://evil.example/x", "https://acme.example.evil.example/", "javascript:alert(1)",
        "https://acme.example@evil.example/", "/relative"}) {
      Api.Reply reply = api.post("/v1/campaigns", tenant.apiKey(), campaign().put("destination_url", url));

      assertThat(reply.status()).as(url).isEqualTo(422);
      assertThat(reply.errorFields()).as(url).containsExactly("destination_url");
    }
    assertThat(Db.count("SELECT count(*) FROM campaigns")).isEqualTo(before);
    assertThat(api.post("/v1/campaigns", tenant.apiKey(), campaign().put("destination_url", "https://app.acme.example/join"))
        .status()).isEqualTo(201);
  }

  @Test
  @DisplayName("invalid reward rules are refused, naming each nested field")
  void validatesRewardRules() {
    JsonObject body = campaign()
        .put("referrer_reward", new JsonObject().put("type", "percent").put("percent", 150).put("trigger", "signup"))
        .put("referee_reward", new JsonObject().put("type", "flat").put("amount_minor", -5).put("currency", "eur"))
        .put("hold_days", -1)
        .put("experiment", new JsonObject().put("key", "x"));

    Api.Reply reply = api.post("/v1/campaigns", tenant.apiKey(), body);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorFields()).containsExactlyInAnyOrder("referrer_reward.percent", "referrer_reward.trigger",
        "referee_reward.amount_minor", "referee_reward.currency", "hold_days", "experiment.weight");
  }

  @Test
  @DisplayName("required fields are named when missing")
  void requiresFields() {
    Api.Reply reply = api.post("/v1/campaigns", tenant.apiKey(), new JsonObject().put("unknown_field", 1));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorFields()).containsExactlyInAnyOrder("name", "destination_url", "referrer_reward");
  }

  @Test
  @DisplayName("a tenant sees only its own campaigns; another tenant's id is 404")
  void isolatesTenants() {
    String mine = api.campaign(tenant, new JsonObject()).getString("id");
    Api.Tenant other = api.tenant();
    String theirs = api.campaign(other, new JsonObject()).getString("id");

    assertThat(api.get("/v1/campaigns", tenant.apiKey()).items().stream().map(c -> ((JsonObject) c).getString("id")))
        .contains(mine).doesNotContain(theirs);
    assertThat(api.get("/v1/campaigns/" + theirs, tenant.apiKey()).status()).isEqualTo(404);
    assertThat(api.patch("/v1/campaigns/" + theirs, tenant.apiKey(), new JsonObject().put("active", false)).status()).isEqualTo(404);
    assertThat(api.get("/v1/campaigns/" + theirs, other.apiKey()).json().getBoolean("active")).isTrue();
  }

  @Test
  @DisplayName("PATCH changes the given fields, removes a referee reward with null, and a bad value changes nothing")
  void patchesCampaign() {
    String id = api.post("/v1/campaigns", tenant.apiKey(), campaign()).json().getString("id");

    Api.Reply patched = api.patch("/v1/campaigns/" + id, tenant.apiKey(),
        new JsonObject().put("active", false).put("priority", 5).putNull("referee_reward"));
    Api.Reply refused = api.patch("/v1/campaigns/" + id, tenant.apiKey(), new JsonObject().put("destination_url", "https://evil.example"));

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().getBoolean("active")).isFalse();
    assertThat(patched.json().getInteger("priority")).isEqualTo(5);
    assertThat(patched.json().getValue("referee_reward")).isNull();
    assertThat(refused.status()).isEqualTo(422);
    assertThat(api.get("/v1/campaigns/" + id, tenant.apiKey()).json().getString("destination_url")).isEqualTo("https://acme.example/signup");
  }

  @Test
  @DisplayName("malformed JSON is 400, an oversized body 413, and neither stores anything")
  void rejectsUnreadableBodies() {
    long before = Db.count("SELECT count(*) FROM campaigns");

    Api.Reply malformed = api.postRaw("/v1/campaigns", tenant.apiKey(), "{\"name\": ");
    Api.Reply array = api.postRaw("/v1/campaigns", tenant.apiKey(), "[1,2]");
    Api.Reply empty = api.postRaw("/v1/campaigns", tenant.apiKey(), "");
    Api.Reply huge = api.post("/v1/campaigns", tenant.apiKey(), campaign().put("name", "x".repeat(70 * 1024)));

    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).isEqualTo("application/problem+json");
    assertThat(malformed.json().getString("detail")).isNotBlank();
    assertThat(array.status()).isEqualTo(400);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.json().getInteger("status")).isEqualTo(413);
    assertThat(Db.count("SELECT count(*) FROM campaigns")).isEqualTo(before);
  }

  @Test
  @DisplayName("without a valid API key the customer API answers 401")
  void requiresApiKey() {
    assertThat(api.get("/v1/campaigns", null).status()).isEqualTo(401);
    assertThat(api.get("/v1/campaigns", "rg_unknown").status()).isEqualTo(401);
    assertThat(api.get("/v1/campaigns", "rg_unknown").header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  @DisplayName("an unknown path is 404 and a wrong method 405 naming the methods in Allow, both as problem+json")
  void unknownPathsAndMethods() {
    Api.Reply unknown = api.get("/v1/nothing-here", tenant.apiKey());
    Api.Reply wrongMethod = api.delete("/v1/campaigns/" + UUID.randomUUID(), tenant.apiKey());
    Api.Reply root = api.get("/nothing", null);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).isEqualTo("application/problem+json");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.contentType()).isEqualTo("application/problem+json");
    assertThat(wrongMethod.header("Allow")).isEqualTo("GET, PATCH");
    assertThat(api.delete("/v1/campaigns", tenant.apiKey()).header("Allow")).isEqualTo("GET, POST");
    assertThat(root.status()).isEqualTo(404);
    assertThat(root.json().getString("type")).isNotBlank();
  }
}
