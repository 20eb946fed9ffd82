package io.refgate.app;

import io.refgate.campaigns.CampaignRoutes;
import io.refgate.health.HealthRoutes;
import io.refgate.http.Auth;
import io.refgate.http.JsonBody;
import io.refgate.http.Problems;
import io.refgate.links.LinkRoutes;
import io.refgate.tenants.TenantRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The public port's routes other than /r/{code} (which the HTTP verticle answers before routing):
 * the admin API behind the admin token, the customer API behind API keys, health.
 */
final class PublicRouter {
  private static final int[] ERROR_STATUSES = {400, 401, 404, 405, 413, 500};

  private PublicRouter() {
  }

  static Router create(Vertx vertx, Services s) {
    Router router = Router.router(vertx);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(JsonBody.LIMIT_BYTES);
    // bodies are read before the asynchronous key check so that no chunk arrives unheard
    router.route("/v1/*").method(HttpMethod.POST).method(HttpMethod.PATCH).handler(body);
    router.route("/admin/*").method(HttpMethod.POST).method(HttpMethod.PATCH).handler(body);
    router.route("/admin/*").handler(ctx -> Auth.admin(ctx, s.config().admin().token()));
    router.route("/v1/*").handler(ctx -> Auth.apiKey(ctx, s.tenants()::tenantOfKey));

    HealthRoutes.mount(router, s.health());
    TenantRoutes.mount(router, s.tenants());
    CampaignRoutes.mount(router, s.campaigns());
    LinkRoutes.mount(router, s.links(), s.config().publicBaseUrl().toString());

    router.route().failureHandler(Problems::handle);
    for (int status : ERROR_STATUSES) {
      router.errorHandler(status, Problems::handle);
    }
    return router;
  }
}
