package io.refgate.app;

import io.refgate.campaigns.CampaignRoutes;
import io.refgate.events.EventRequests;
import io.refgate.events.EventRoutes;
import io.refgate.health.HealthRoutes;
import io.refgate.http.AllowedMethods;
import io.refgate.http.ApiException;
import io.refgate.http.Auth;
import io.refgate.http.JsonBody;
import io.refgate.http.Problems;
import io.refgate.http.OpenApiRoutes;
import io.refgate.links.LinkRoutes;
import io.refgate.reports.ReportRoutes;
import io.refgate.rewards.RewardRoutes;
import io.refgate.stripe.StripeRoutes;
import io.refgate.tenants.TenantRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The public port's routes other than /r/{code} (which the HTTP verticle answers before routing):
 * the admin API behind the admin token, the customer API behind API keys, the Stripe webhook,
 * health and the OpenAPI document.
 */
final class PublicRouter {
  private static final int[] ERROR_STATUSES = {400, 401, 404, 413, 500};

  private PublicRouter() {
  }

  static Router create(Vertx vertx, Services s) {
    Router router = Router.router(vertx);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(JsonBody.LIMIT_BYTES);
    // bodies are read before the asynchronous key check so that no chunk arrives unheard
    router.route("/v1/*").method(HttpMethod.POST).method(HttpMethod.PATCH).handler(body);
    router.route("/admin/*").method(HttpMethod.POST).method(HttpMethod.PATCH).handler(body);
    // Stripe's signature is its credential: the webhook is routed before the API-key check
    StripeRoutes.mount(router, s.stripe());
    router.route("/admin/*").handler(ctx -> Auth.admin(ctx, s.config().admin().token()));
    router.route("/v1/*").handler(ctx -> Auth.apiKey(ctx, s.tenants()::tenantOfKey));

    HealthRoutes.mount(router, s.health());
    OpenApiRoutes.mount(router);
    TenantRoutes.mount(router, s.tenants());
    CampaignRoutes.mount(router, s.campaigns());
    LinkRoutes.mount(router, s.links(), s.config().publicBaseUrl().toString());
    EventRoutes events = new EventRoutes(s.events());
    events.mount(router, "signup", EventRequests::signup, s.signups()::signup);
    events.mount(router, "milestone", EventRequests::milestone, s.milestones()::milestone);
    events.mount(router, "billing", EventRequests::billing, s.billing()::billing);
    events.mount(router, "activity", EventRequests::activity, s.activity()::activity);
    RewardRoutes.mount(router, s.rewards());
    ReportRoutes.mount(router, s.reports());

    router.route().failureHandler(Problems::handle);
    for (int status : ERROR_STATUSES) {
      router.errorHandler(status, Problems::handle);
    }
    router.errorHandler(405, ctx -> Problems.send(ctx.response(),
        ApiException.methodNotAllowed(AllowedMethods.of(router, ctx.request().path()))));
    return router;
  }
}
