package io.refgate.http;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place failures become application/problem+json (RFC 9457). */
public final class Problems {
  public static final String CONTENT_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:refgate:problem:";
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {
  }

  /** Router failure handler: maps whatever failed the route to a problem. */
  public static void handle(RoutingContext ctx) {
    send(ctx.response(), toApiException(ctx));
  }

  public static void send(HttpServerResponse response, ApiException problem) {
    if (response.headWritten()) {
      response.reset();
      return;
    }
    problem.headers().forEach(response::putHeader);
    response.setStatusCode(problem.status())
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeader("Cache-Control", "no-store")
        .end(body(problem).encode());
  }

  public static JsonObject body(ApiException problem) {
    JsonObject body = new JsonObject()
        .put("type", TYPE_PREFIX + problem.type())
        .put("title", problem.title())
        .put("status", problem.status())
        .put("detail", problem.getMessage());
    if (!problem.errors().isEmpty()) {
      JsonArray errors = new JsonArray();
      problem.errors().forEach(e -> errors.add(new JsonObject().put("field", e.field()).put("message", e.message())));
      body.put("errors", errors);
    }
    return body;
  }

  private static ApiException toApiException(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure == null || failure instanceof HttpException) {
      int status = failure == null ? ctx.statusCode() : ((HttpException) failure).getStatusCode();
      return forStatus(status, ctx);
    }
    if (isUnavailable(failure)) {
      LOG.warn("{} {} failed, PostgreSQL unavailable: {}", ctx.request().method(), ctx.request().path(), failure.toString());
      return ApiException.unavailable("the database is unavailable; retry later");
    }
    LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
    return ApiException.internal();
  }

  static ApiException forStatus(int status, RoutingContext ctx) {
    return switch (status) {
      case 400 -> ApiException.malformedJson("the request could not be read");
      case 401 -> ApiException.unauthorized("a bearer token is required");
      case 404 -> ApiException.notFound("no resource at " + ctx.request().path());
      case 405 -> ApiException.methodNotAllowed(null);
      case 413 -> ApiException.payloadTooLarge(JsonBody.LIMIT_BYTES);
      default -> {
        LOG.error("{} {} failed with status {}", ctx.request().method(), ctx.request().path(), status);
        yield ApiException.internal();
      }
    };
  }

  /** Failures that mean PostgreSQL is down or overloaded: the caller should retry, not give up. */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof ConnectException || e instanceof ClosedConnectionException || e instanceof TimeoutException) {
        return true;
      }
      if (e instanceof PgException pg && pg.getSqlState() != null
          && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P") || pg.getSqlState().equals("53300"))) {
        return true;
      }
      if (e instanceof VertxException && e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("timeout")) {
        return true;
      }
    }
    return false;
  }
}
