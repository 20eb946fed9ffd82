package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.app.Refgate;
import io.refgate.testing.Api;
import io.refgate.testing.Db;
import io.refgate.testing.TestEnvironment;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Admin API: tenants and API keys (CONTRACT §1)")
class AdminApiIT {
  private static final String ADMIN = TestEnvironment.ADMIN_TOKEN;
  private final Api api = new Api(TestGateway.shared());

  private static JsonObject acme() {
    return new JsonObject().put("name", "Acme " + UUID.randomUUID()).put("allowed_hosts", new JsonArray().add("acme.example"));
  }

  @Test
  @DisplayName("a new tenant gets the documented defaults and an API key shown once")
  void createsTenantWithDefaults() {
    Api.Reply reply = api.post("/admin/v1/tenants", ADMIN, acme());

    assertThat(reply.status()).isEqualTo(201);
    JsonObject tenant = reply.json();
    assertThat(tenant.getString("id")).isNotBlank();
    assertThat(tenant.getString("api_key")).startsWith("rg_").hasSizeGreaterThanOrEqualTo(32);
    assertThat(tenant.getJsonArray("allowed_hosts")).containsExactly("acme.example");
    assertThat(tenant.getInteger("attribution_window_days")).isEqualTo(90);
    assertThat(tenant.getString("attribution_model")).isEqualTo("last_click");
    assertThat(tenant.getString("ref_param")).isEqualTo("ref");
    assertThat(tenant.getString("click_param")).isEqualTo("click_id");
    assertThat(tenant.getValue("cookie_domain")).isNull();
    assertThat(tenant.getBoolean("stripe_webhook_configured")).isFalse();
  }

  @Test
  @DisplayName("the Stripe signing secret is stored but never shown")
  void neverShowsTheStripeSecret() {
    Api.Reply created = api.post("/admin/v1/tenants", ADMIN, acme().put("stripe_webhook_secret", "whsec_topsecret123"));
    Api.Reply fetched = api.get("/admin/v1/tenants/" + created.json().getString("id"), ADMIN);

    assertThat(created.body()).doesNotContain("whsec_topsecret123");
    assertThat(fetched.body()).doesNotContain("whsec_topsecret123");
    assertThat(fetched.json().getBoolean("stripe_webhook_configured")).isTrue();
  }

  @Test
  @DisplayName("API keys are stored only as hashes")
  void storesKeysAsHashes() {
    String key = api.tenant().apiKey();

    assertThat(Db.count("SELECT count(*) FROM api_keys WHERE prefix = ? AND key_hash = sha256(convert_to(?, 'UTF8'))",
        key.substring(0, 12), key)).isEqualTo(1);
    assertThat(Db.count("SELECT count(*) FROM api_keys WHERE prefix = ? OR position(convert_to(?, 'UTF8') in key_hash) > 0",
        key, key)).isZero();
  }

  @Test
  @DisplayName("admin calls without the admin token, or with a wrong one, get 401")
  void requiresAdminToken() {
    Api.Reply missing = api.post("/admin/v1/tenants", null, acme());
    Api.Reply wrong = api.post("/admin/v1/tenants", "nope", acme());

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.contentType()).isEqualTo("application/problem+json");
    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("a tenant with missing or invalid settings is refused with every bad field named, and nothing is stored")
  void validatesSettings() {
    long before = tenantCount();
    Api.Reply empty = api.post("/admin/v1/tenants", ADMIN, new JsonObject());
    Api.Reply bad = api.post("/admin/v1/tenants", ADMIN, acme()
        .put("allowed_hosts", new JsonArray().add("not a host"))
        .put("attribution_window_days", 0)
        .put("attribution_model", "random")
        .put("cookie_domain", "-bad-")
        .put("ref_param", "same").put("click_param", "same"));

    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.errorFields()).containsExactlyInAnyOrder("name", "allowed_hosts");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.errorFields()).containsExactlyInAnyOrder("allowed_hosts", "attribution_window_days", "attribution_model",
        "cookie_domain", "click_param");
    assertThat(tenantCount()).isEqualTo(before);
  }

  @Test
  @DisplayName("PATCH changes only the given settings, and a bad value changes nothing")
  void patchesSettings() {
    String id = api.post("/admin/v1/tenants", ADMIN, acme()).json().getString("id");

    Api.Reply patched = api.patch("/admin/v1/tenants/" + id, ADMIN,
        new JsonObject().put("attribution_window_days", 30).put("stripe_webhook_secret", "whsec_new"));
    Api.Reply refused = api.patch("/admin/v1/tenants/" + id, ADMIN, new JsonObject().put("attribution_model", "nope"));
    Api.Reply after = api.get("/admin/v1/tenants/" + id, ADMIN);

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().getInteger("attribution_window_days")).isEqualTo(30);
    assertThat(patched.json().getBoolean("stripe_webhook_configured")).isTrue();
    assertThat(refused.status()).isEqualTo(422);
    assertThat(after.json().getString("attribution_model")).isEqualTo("last_click");
    assertThat(after.json().getJsonArray("allowed_hosts")).containsExactly("acme.example");
  }

  @Test
  @DisplayName("unknown and malformed tenant ids are 404")
  void unknownTenant() {
    assertThat(api.patch("/admin/v1/tenants/" + UUID.randomUUID(), ADMIN, new JsonObject().put("name", "x")).status()).isEqualTo(404);
    assertThat(api.get("/admin/v1/tenants/not-a-uuid", ADMIN).status()).isEqualTo(404);
    assertThat(api.post("/admin/v1/tenants/" + UUID.randomUUID() + "/api-keys", ADMIN, new JsonObject()).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a second API key works beside the first; a revoked key stops working")
  void rotatesKeys() {
    Api.Tenant tenant = api.tenant();
    Api.Reply second = api.post("/admin/v1/tenants/" + tenant.id() + "/api-keys", ADMIN, new JsonObject());
    String newKey = second.json().getString("api_key");

    assertThat(second.status()).isEqualTo(201);
    assertThat(api.get("/v1/campaigns", tenant.apiKey()).status()).isEqualTo(200);
    assertThat(api.get("/v1/campaigns", newKey).status()).isEqualTo(200);

    Api.Reply revoked = api.delete("/admin/v1/tenants/" + tenant.id() + "/api-keys/" + tenant.apiKey().substring(0, 12), ADMIN);

    assertThat(revoked.status()).isEqualTo(204);
    assertThat(api.get("/v1/campaigns", tenant.apiKey()).status()).isEqualTo(401);
    assertThat(api.get("/v1/campaigns", newKey).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("revoking an unknown prefix, or another tenant's key, is 404 and revokes nothing")
  void revokesOnlyOwnKeys() {
    Api.Tenant mine = api.tenant();
    Api.Tenant theirs = api.tenant();

    Api.Reply other = api.delete("/admin/v1/tenants/" + mine.id() + "/api-keys/" + theirs.apiKey().substring(0, 12), ADMIN);
    Api.Reply unknown = api.delete("/admin/v1/tenants/" + mine.id() + "/api-keys/rg_000000000", ADMIN);

    assertThat(other.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(api.get("/v1/campaigns", theirs.apiKey()).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("without a configured admin token the admin API does not exist")
  void adminApiOffWithoutToken() {
    Refgate closed = TestGateway.start(Map.of("admin.token", ""));
    try {
      Api.Reply reply = new Api(closed).post("/admin/v1/tenants", "anything", acme());

      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.contentType()).isEqualTo("application/problem+json");
    } finally {
      TestGateway.stop(closed);
    }
  }

  private static long tenantCount() {
    return Db.count("SELECT count(*) FROM tenants");
  }
}
