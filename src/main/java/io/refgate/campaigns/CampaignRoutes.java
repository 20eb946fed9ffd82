package io.refgate.campaigns;

import io.refgate.http.Auth;
import io.refgate.http.JsonBody;
import io.refgate.http.PathParams;
import io.refgate.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** /v1/campaigns (CONTRACT §2). */
public final class CampaignRoutes {
  private final CampaignService campaigns;

  private CampaignRoutes(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  public static void mount(Router router, CampaignService campaigns) {
    CampaignRoutes routes = new CampaignRoutes(campaigns);
    router.post("/v1/campaigns").handler(routes::create);
    router.get("/v1/campaigns").handler(routes::list);
    router.get("/v1/campaigns/:id").handler(routes::get);
    router.patch("/v1/campaigns/:id").handler(routes::update);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    UUID tenantId = Auth.tenant(ctx);
    campaigns.create(tenantId, tenant -> CampaignRequest.create(body, tenantId, tenant.allowedHosts()))
        .onSuccess(c -> Responses.created(ctx, c.toJson()))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    campaigns.list(Auth.tenant(ctx))
        .onSuccess(all -> Responses.ok(ctx, new JsonObject()
            .put("items", new JsonArray(all.stream().map(Campaign::toJson).toList()))
            .putNull("next_cursor")))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    campaigns.get(Auth.tenant(ctx), PathParams.uuid(ctx, "id", "campaign"))
        .onSuccess(c -> Responses.ok(ctx, c.toJson()))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    campaigns.update(Auth.tenant(ctx), PathParams.uuid(ctx, "id", "campaign"),
            (current, tenant) -> CampaignRequest.patch(body, current, tenant.allowedHosts()))
        .onSuccess(c -> Responses.ok(ctx, c.toJson()))
        .onFailure(ctx::fail);
  }
}
