package io.refgate.rewards;

import io.refgate.http.ApiException;
import io.refgate.http.Auth;
import io.refgate.http.PathParams;
import io.refgate.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** GET /v1/rewards and POST /v1/rewards/{id}/paid (CONTRACT §6). */
public final class RewardRoutes {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  private static final List<String> STATUSES = List.of("pending", "approved", "paid", "cancelled");

  private final RewardLedger ledger;

  private RewardRoutes(RewardLedger ledger) {
    this.ledger = ledger;
  }

  public static void mount(Router router, RewardLedger ledger) {
    RewardRoutes routes = new RewardRoutes(ledger);
    router.get("/v1/rewards").handler(routes::list);
    router.post("/v1/rewards/:id/paid").handler(routes::markPaid);
  }

  private void list(RoutingContext ctx) {
    String status = ctx.queryParams().get("status");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.invalidField("status", "must be one of " + String.join(", ", STATUSES));
    }
    ledger.page(Auth.tenant(ctx), status, ctx.queryParams().get("user_id"), ctx.queryParams().get("cursor"), limit(ctx))
        .onSuccess(page -> Responses.ok(ctx, new JsonObject()
            .put("items", new JsonArray(page.items().stream().map(Reward::toJson).toList()))
            .put("next_cursor", page.nextCursor())))
        .onFailure(ctx::fail);
  }

  private void markPaid(RoutingContext ctx) {
    ledger.markPaid(Auth.tenant(ctx), PathParams.uuid(ctx, "id", "reward"))
        .onSuccess(reward -> Responses.ok(ctx, reward.toJson()))
        .onFailure(ctx::fail);
  }

  private static int limit(RoutingContext ctx) {
    String text = ctx.queryParams().get("limit");
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }
}
