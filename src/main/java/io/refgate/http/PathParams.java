package io.refgate.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Path parameters; an id that cannot exist is simply not found. */
public final class PathParams {
  private PathParams() {
  }

  public static UUID uuid(RoutingContext ctx, String name, String what) {
    try {
      return UUID.fromString(ctx.pathParam(name));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("no such " + what);
    }
  }
}
