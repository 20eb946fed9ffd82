package io.refgate.app;

import io.refgate.campaigns.Campaign;
import io.refgate.campaigns.CampaignRequest;
import io.refgate.links.LinkService;
import io.refgate.links.ReferrerRequest;
import io.refgate.tenants.Tenant;
import io.refgate.tenants.TenantRequest;
import io.refgate.tenants.TenantService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * --demo: a tenant, a campaign and a referrer to click through, made once and found again on the
 * next start; every start issues a fresh API key (earlier ones keep working).
 */
public final class Demo {
  static final String TENANT_NAME = "Refgate demo";
  private static final String DEMO_REFERRER = "demo-referrer";

  private Demo() {
  }

  /** What the demo prints: the API key, the referral link and the tenant. */
  public record Seeded(String apiKey, String link, UUID tenantId, UUID campaignId) {
  }

  public static Future<Seeded> seed(Refgate app) {
    return app.tenants().findByName(TENANT_NAME)
        .compose(found -> found.isPresent()
            ? app.tenants().newApiKey(found.get().id()).map(key -> new TenantService.Created(found.get(), key))
            : app.tenants().create(TenantRequest.create(tenantJson())))
        .compose(created -> campaign(app, created.tenant())
            .compose(campaign -> app.links().enroll(created.tenant().id(), ReferrerRequest.parse(referrerJson()))
                .map(enrollment -> new Seeded(created.apiKey(), app.config().publicBaseUrl() + "/r/" + enrollment.code(),
                    created.tenant().id(), campaign.id()))));
  }

  private static Future<Campaign> campaign(Refgate app, Tenant tenant) {
    return app.campaigns().active(tenant.id()).compose(active -> active.isEmpty()
        ? app.campaigns().create(tenant.id(), t -> CampaignRequest.create(campaignJson(), t.id(), t.allowedHosts()))
        : Future.succeededFuture(active.get(0)));
  }

  private static JsonObject tenantJson() {
    return new JsonObject()
        .put("name", TENANT_NAME)
        .put("allowed_hosts", new JsonArray().add("example.com").add("*.example.com"));
  }

  private static JsonObject campaignJson() {
    return new JsonObject()
        .put("name", "Demo: 20% of every payment for a year")
        .put("destination_url", "https://example.com/signup?plan=business")
        .put("referrer_reward", new JsonObject().put("type", "percent").put("percent", 20).put("trigger", "every_payment")
            .put("max_payments", 12).put("cap_minor", 50_000))
        .put("referee_reward", new JsonObject().put("type", "credit").put("amount_minor", 2000).put("currency", "EUR")
            .put("description", "1 month free"))
        .put("hold_days", 30);
  }

  private static JsonObject referrerJson() {
    return new JsonObject()
        .put("user_id", DEMO_REFERRER)
        .put("organization_id", "demo-org")
        .put("email", "ana@example.com")
        .put("attributes", new JsonObject().put("tier", "business"));
  }

  public static String banner(Seeded seeded, Refgate app) {
    String browserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    return String.join(System.lineSeparator(),
        "",
        "Refgate demo data is ready.",
        "  Referral link (open it in a browser): " + seeded.link(),
        "  See the redirect and cookies:  curl -i -A '" + browserAgent + "' " + seeded.link(),
        "  (plain `curl -i` counts as a bot: same 302, no cookies)",
        "  Demo API key:  " + seeded.apiKey() + "   (tenant " + seeded.tenantId() + ")",
        "  Try the API:   curl -H 'Authorization: Bearer " + seeded.apiKey() + "' "
            + app.config().publicBaseUrl() + "/v1/links/" + seeded.link().substring(seeded.link().lastIndexOf('/') + 1),
        "  Metrics:       http://localhost:" + app.managementPort() + "/metrics",
        "");
  }
}
