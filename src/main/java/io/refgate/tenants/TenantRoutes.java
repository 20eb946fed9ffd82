package io.refgate.tenants;

import io.refgate.http.ApiException;
import io.refgate.http.JsonBody;
import io.refgate.http.PathParams;
import io.refgate.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** /admin/v1/tenants (CONTRACT §1); the admin token is checked before these run. */
public final class TenantRoutes {
  private final TenantService tenants;

  private TenantRoutes(TenantService tenants) {
    this.tenants = tenants;
  }

  public static void mount(Router router, TenantService tenants) {
    TenantRoutes routes = new TenantRoutes(tenants);
    router.post("/admin/v1/tenants").handler(routes::create);
    router.get("/admin/v1/tenants/:id").handler(routes::get);
    router.patch("/admin/v1/tenants/:id").handler(routes::update);
    router.post("/admin/v1/tenants/:id/api-keys").handler(routes::newApiKey);
    router.delete("/admin/v1/tenants/:id/api-keys/:prefix").handler(routes::revokeApiKey);
  }

  private void create(RoutingContext ctx) {
    Tenant draft = TenantRequest.create(JsonBody.of(ctx));
    tenants.create(draft)
        .onSuccess(created -> Responses.created(ctx, created.tenant().toJson().put("api_key", created.apiKey())))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    tenants.get(PathParams.uuid(ctx, "id", "tenant")).onSuccess(t -> Responses.ok(ctx, t.toJson())).onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    tenants.update(PathParams.uuid(ctx, "id", "tenant"), current -> TenantRequest.patch(body, current))
        .onSuccess(t -> Responses.ok(ctx, t.toJson()))
        .onFailure(ctx::fail);
  }

  private void newApiKey(RoutingContext ctx) {
    tenants.newApiKey(PathParams.uuid(ctx, "id", "tenant"))
        .onSuccess(key -> Responses.created(ctx, new JsonObject().put("api_key", key)))
        .onFailure(ctx::fail);
  }

  private void revokeApiKey(RoutingContext ctx) {
    String prefix = ctx.pathParam("prefix");
    if (prefix.length() != ApiKeys.PREFIX_LENGTH) {
      throw ApiException.notFound("an API key is revoked by its first " + ApiKeys.PREFIX_LENGTH + " characters");
    }
    tenants.revokeApiKey(PathParams.uuid(ctx, "id", "tenant"), prefix)
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }
}
