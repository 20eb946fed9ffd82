package io.refgate.links;

import io.refgate.events.Answer;
import io.refgate.events.EventRequests;
import io.refgate.events.EventService;
import io.refgate.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.UUID;

/** POST /v1/events/activity: what a referrer did with its link, for the funnel's active and sharing counts. */
public final class ActivityService {
  private final Pool pool;
  private final EventService events;
  private final LinkRepository repository = new LinkRepository();

  public ActivityService(Pool pool, EventService events) {
    this.pool = pool;
    this.events = events;
  }

  public Future<Answer> activity(UUID tenantId, EventRequests.Activity activity, JsonObject body) {
    return repository.referrerByUser(pool, tenantId, activity.userId()).compose(referrer -> {
      if (referrer == null) {
        throw ApiException.notFound("no referrer with user_id " + activity.userId() + "; enrol it with POST /v1/referrers first");
      }
      return events.once(tenantId, "activity", activity.eventId(), body, tx -> repository
          .insertActivity(tx, tenantId, referrer.getLong("id"), activity.type(), activity.occurredAt())
          .map(v -> Answer.created(new JsonObject()
              .put("user_id", activity.userId())
              .put("type", activity.type())
              .put("occurred_at", activity.occurredAt().toString()))));
    });
  }
}
