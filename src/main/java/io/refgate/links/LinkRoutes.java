package io.refgate.links;

import io.refgate.http.Auth;
import io.refgate.http.JsonBody;
import io.refgate.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** /v1/referrers and /v1/links (CONTRACT §3). */
public final class LinkRoutes {
  private final LinkService links;
  private final String publicBaseUrl;

  private LinkRoutes(LinkService links, String publicBaseUrl) {
    this.links = links;
    this.publicBaseUrl = publicBaseUrl;
  }

  public static void mount(Router router, LinkService links, String publicBaseUrl) {
    LinkRoutes routes = new LinkRoutes(links, publicBaseUrl);
    router.post("/v1/referrers").handler(routes::enroll);
    router.get("/v1/referrers/:userId/link").handler(routes::activeLink);
    router.post("/v1/links").handler(routes::create);
    router.get("/v1/links/:code").handler(routes::get);
    router.patch("/v1/links/:code").handler(routes::change);
  }

  private void enroll(RoutingContext ctx) {
    Referrer referrer = ReferrerRequest.parse(JsonBody.of(ctx));
    links.enroll(Auth.tenant(ctx), referrer)
        .onSuccess(e -> Responses.createdOr200(ctx, e.created(), enrollment(e)))
        .onFailure(ctx::fail);
  }

  private void activeLink(RoutingContext ctx) {
    links.activeLink(Auth.tenant(ctx), ctx.pathParam("userId"))
        .onSuccess(e -> Responses.ok(ctx, enrollment(e)))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    LinkRequest.NewLink request = LinkRequest.parseNew(JsonBody.of(ctx));
    links.create(Auth.tenant(ctx), request)
        .onSuccess(link -> Responses.created(ctx, link.toJson(publicBaseUrl)))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    links.get(Auth.tenant(ctx), ctx.pathParam("code"))
        .onSuccess(link -> Responses.ok(ctx, link.toJson(publicBaseUrl)))
        .onFailure(ctx::fail);
  }

  private void change(RoutingContext ctx) {
    LinkRequest.Change change = LinkRequest.parseChange(JsonBody.of(ctx));
    links.change(Auth.tenant(ctx), ctx.pathParam("code"), change)
        .onSuccess(link -> Responses.ok(ctx, link.toJson(publicBaseUrl)))
        .onFailure(ctx::fail);
  }

  private JsonObject enrollment(LinkService.Enrollment e) {
    return new JsonObject()
        .put("user_id", e.userId())
        .put("campaign_id", e.campaignId().toString())
        .put("code", e.code())
        .put("link", publicBaseUrl + "/r/" + e.code());
  }
}
