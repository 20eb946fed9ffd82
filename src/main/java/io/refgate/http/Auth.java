package io.refgate.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import java.util.function.Function;

/** Bearer authentication: the admin token for /admin/v1, a tenant's API key for /v1. */
public final class Auth {
  private static final String TENANT = "refgate.tenant";
  private static final String BEARER = "Bearer ";

  private Auth() {
  }

  /** Without a configured token the admin API does not exist (404), rather than being open. */
  public static void admin(RoutingContext ctx, String token) {
    if (token.isEmpty()) {
      ctx.fail(ApiException.notFound("no resource at " + ctx.request().path()));
      return;
    }
    String presented = bearer(ctx);
    if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      ctx.fail(ApiException.unauthorized("a valid admin token is required"));
      return;
    }
    ctx.next();
  }

  /** Resolves the API key to its tenant (null when unknown) and remembers it for the handlers. */
  public static void apiKey(RoutingContext ctx, Function<String, Future<UUID>> tenantOfKey) {
    String key = bearer(ctx);
    if (key == null) {
      ctx.fail(ApiException.unauthorized("an API key is required: Authorization: Bearer rg_..."));
      return;
    }
    tenantOfKey.apply(key).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else if (ar.result() == null) {
        ctx.fail(ApiException.unauthorized("unknown or revoked API key"));
      } else {
        ctx.put(TENANT, ar.result());
        ctx.next();
      }
    });
  }

  public static UUID tenant(RoutingContext ctx) {
    return ctx.get(TENANT);
  }

  private static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String value = header.substring(BEARER.length()).trim();
    return value.isEmpty() ? null : value;
  }
}
