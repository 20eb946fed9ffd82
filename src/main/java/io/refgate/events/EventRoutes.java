package io.refgate.events;

import io.refgate.http.ApiException;
import io.refgate.http.Auth;
import io.refgate.http.JsonBody;
import io.refgate.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** POST /v1/events/{signup,milestone,billing,activity} (CONTRACT §5). */
public final class EventRoutes {
  /** One event endpoint: parse the body (received at the given time), then act once. */
  public interface Parser<E> {
    E parse(JsonObject body, Instant received);
  }

  /** What an endpoint does with a valid event. */
  public interface Effect<E> {
    Future<Answer> apply(UUID tenantId, E event, JsonObject body);
  }

  private final EventService events;

  public EventRoutes(EventService events) {
    this.events = events;
  }

  public <E> void mount(Router router, String type, Parser<E> parser, Effect<E> effect) {
    router.post("/v1/events/" + type).handler(ctx -> handle(ctx, type, parser, effect));
  }

  private <E> void handle(RoutingContext ctx, String type, Parser<E> parser, Effect<E> effect) {
    JsonObject body;
    E event;
    try {
      body = JsonBody.of(ctx);
      event = parser.parse(body, Instant.now().truncatedTo(ChronoUnit.MICROS));
    } catch (ApiException invalid) {
      events.invalid(type);
      throw invalid;
    }
    effect.apply(Auth.tenant(ctx), event, body)
        .onSuccess(answer -> Responses.json(ctx, answer.status(), answer.body()))
        .onFailure(ctx::fail);
  }
}
