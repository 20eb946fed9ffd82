package io.refgate.stripe;

import io.refgate.http.PathParams;
import io.refgate.http.Responses;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Stripe calls this without an API key: the signature is its credential (CONTRACT §5). */
public final class StripeRoutes {
  public static final String PATH = "/v1/webhooks/stripe/:tenantId";

  private final StripeService stripe;

  private StripeRoutes(StripeService stripe) {
    this.stripe = stripe;
  }

  public static void mount(Router router, StripeService stripe) {
    router.post(PATH).handler(new StripeRoutes(stripe)::receive);
  }

  private void receive(RoutingContext ctx) {
    Buffer payload = ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    stripe.receive(PathParams.uuid(ctx, "tenantId", "tenant"), ctx.request().getHeader("Stripe-Signature"), payload)
        .onSuccess(answer -> Responses.json(ctx, answer.status(), answer.body()))
        .onFailure(ctx::fail);
  }
}
