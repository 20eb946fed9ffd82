package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.refgate.app.Refgate;
import io.refgate.testing.Api;
import io.refgate.testing.Browsers;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Links: further links, lookup and edits (CONTRACT §3)")
class LinkApiIT {
  private final Api api = new Api(TestGateway.shared());
  private final Api.Tenant tenant = api.tenant();
  private final String campaign = api.campaign(tenant, new JsonObject()).getString("id");

  @Test
  @DisplayName("a custom code is created once; the same code again, in any tenant, is 409")
  void customCodes() {
    api.referrer(tenant, "u_1");
    String code = "spring-" + UUID.randomUUID().toString().substring(0, 8);

    Api.Reply created = api.post("/v1/links", tenant.apiKey(), new JsonObject().put("user_id", "u_1").put("code", code));
    Api.Reply again = api.post("/v1/links", tenant.apiKey(), new JsonObject().put("user_id", "u_1").put("code", code));
    Api.Tenant other = api.tenant();
    api.campaign(other, new JsonObject());
    api.referrer(other, "u_2");
    Api.Reply elsewhere = api.post("/v1/links", other.apiKey(), new JsonObject().put("user_id", "u_2").put("code", code));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("code")).isEqualTo(code);
    assertThat(created.json().getString("campaign_id")).isEqualTo(campaign);
    assertThat(created.json().getBoolean("active")).isTrue();
    assertThat(created.json().getLong("clicks")).isZero();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).isEqualTo("application/problem+json");
    assertThat(elsewhere.status()).isEqualTo(409);
  }

  @Test
  @DisplayName("codes that break the syntax are refused with 422 naming code")
  void validatesCodes() {
    api.referrer(tenant, "u_1");
    for (String code : new String[] {"abc", "x".repeat(33), "has space", "ümlaut", "a/b/c/d"}) {
      Api.Reply reply = api.post("/v1/links", tenant.apiKey(), new JsonObject().put("user_id", "u_1").put("code", code));

      assertThat(reply.status()).as(code).isEqualTo(422);
      assertThat(reply.errorFields()).as(code).containsExactly("code");
    }
  }

  @Test
  @DisplayName("a further link needs a known referrer and campaign of this tenant, and an allowed destination")
  void checksReferences() {
    api.referrer(tenant, "u_1");
    Api.Tenant other = api.tenant();
    String theirCampaign = api.campaign(other, new JsonObject()).getString("id");

    assertThat(api.post("/v1/links", tenant.apiKey(), new JsonObject().put("user_id", "nobody")).status()).isEqualTo(404);
    assertThat(api.post("/v1/links", tenant.apiKey(), new JsonObject().put("user_id", "u_1").put("campaign_id", theirCampaign))
        .status()).isEqualTo(404);
    Api.Reply foreign = api.post("/v1/links", tenant.apiKey(), new JsonObject().put("user_id", "u_1")
        .put("destination_url", "https://evil.example/"));
    assertThat(foreign.status()).isEqualTo(422);
    assertThat(foreign.errorFields()).containsExactly("destination_url");
    assertThat(api.post("/v1/links", tenant.apiKey(), new JsonObject()).errorFields()).containsExactly("user_id");
  }

  @Test
  @DisplayName("a link with its own destination sends visitors there")
  void ownDestination() {
    api.referrer(tenant, "u_1");
    String code = api.post("/v1/links", tenant.apiKey(), new JsonObject().put("user_id", "u_1")
        .put("destination_url", "https://app.acme.example/pricing")).json().getString("code");

    assertThat(api.get("/v1/links/" + code, tenant.apiKey()).json().getString("destination_url")).isEqualTo("https://app.acme.example/pricing");
    assertThat(api.click(code, Browsers.CHROME).header("Location")).startsWith("https://app.acme.example/pricing?ref=" + code + "&click_id=");
  }

  @Test
  @DisplayName("GET shows the link with its human clicks; another tenant's code is 404")
  void showsLinks() {
    String code = api.referrer(tenant, "u_1");
    api.click(code, Browsers.CHROME);
    api.click(code, Browsers.SLACKBOT);
    TestGateway.shared().clickWriter().flush(5_000).await();

    JsonObject link = api.get("/v1/links/" + code, tenant.apiKey()).json();

    assertThat(link.getString("user_id")).isEqualTo("u_1");
    assertThat(link.getString("destination_url")).isEqualTo("https://acme.example/signup");
    assertThat(link.getLong("clicks")).isEqualTo(1);
    assertThat(link.getLong("bot_clicks")).isEqualTo(1);
    assertThat(api.get("/v1/links/" + code, api.tenant().apiKey()).status()).isEqualTo(404);
    assertThat(api.get("/v1/links/bad!", tenant.apiKey()).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("disabling a link stops its redirect at once on this instance, and enabling brings it back")
  void disablesAndEnables() {
    String code = api.referrer(tenant, "u_1");
    assertThat(api.click(code, Browsers.CHROME).status()).isEqualTo(302);

    Api.Reply disabled = api.patch("/v1/links/" + code, tenant.apiKey(), new JsonObject().put("active", false));
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().getBoolean("active")).isFalse();
    assertThat(api.click(code, Browsers.CHROME).status()).isEqualTo(404);

    api.patch("/v1/links/" + code, tenant.apiKey(), new JsonObject().put("active", true));
    assertThat(api.click(code, Browsers.CHROME).status()).isEqualTo(302);
  }

  @Test
  @DisplayName("an edit made on one instance is served by another within 2 seconds")
  void editsReachOtherInstances() {
    String code = api.referrer(tenant, "u_1");
    Refgate second = TestGateway.start(Map.of());
    try {
      Api other = new Api(second);
      assertThat(other.click(code, Browsers.CHROME).header("Location")).startsWith("https://acme.example/signup?");

      api.patch("/v1/links/" + code, tenant.apiKey(), new JsonObject().put("destination_url", "https://acme.example/new"));
      await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
          .until(() -> other.click(code, Browsers.CHROME).header("Location").startsWith("https://acme.example/new?"));

      api.patch("/v1/links/" + code, tenant.apiKey(), new JsonObject().put("active", false));
      await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
          .until(() -> other.click(code, Browsers.CHROME).status() == 404);
    } finally {
      TestGateway.stop(second);
    }
  }

  @Test
  @DisplayName("a new campaign destination, or new tenant parameters, reach links that follow them")
  void campaignAndTenantEditsReachLinks() {
    String code = api.referrer(tenant, "u_1");
    api.click(code, Browsers.CHROME);

    api.patch("/v1/campaigns/" + campaign, tenant.apiKey(), new JsonObject().put("destination_url", "https://acme.example/v2"));
    assertThat(api.click(code, Browsers.CHROME).header("Location")).startsWith("https://acme.example/v2?ref=");

    api.patch("/admin/v1/tenants/" + tenant.id(), io.refgate.testing.TestEnvironment.ADMIN_TOKEN,
        new JsonObject().put("ref_param", "via").put("click_param", "rgc"));
    assertThat(api.click(code, Browsers.CHROME).header("Location")).startsWith("https://acme.example/v2?via=" + code + "&rgc=");
  }

  @Test
  @DisplayName("a bad edit is refused and changes nothing")
  void validatesEdits() {
    String code = api.referrer(tenant, "u_1");

    Api.Reply reply = api.patch("/v1/links/" + code, tenant.apiKey(), new JsonObject().put("active", "no")
        .put("destination_url", 42));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorFields()).containsExactlyInAnyOrder("active", "destination_url");
    assertThat(api.patch("/v1/links/" + code, tenant.apiKey(), new JsonObject().put("destination_url", "https://evil.example"))
        .status()).isEqualTo(422);
    assertThat(api.click(code, Browsers.CHROME).header("Location")).startsWith("https://acme.example/signup?");
    assertThat(api.patch("/v1/links/nocode", tenant.apiKey(), new JsonObject().put("active", false)).status()).isEqualTo(404);
  }
}
