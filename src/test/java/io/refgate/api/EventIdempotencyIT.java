package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.testing.Api;
import io.refgate.testing.Db;
import io.refgate.testing.Metrics;
import io.refgate.testing.Parallel;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Events are idempotent by event_id (CONTRACT §5)")
class EventIdempotencyIT {
  private final Api api = new Api(TestGateway.shared());
  private final Api.Tenant tenant = api.tenant();

  EventIdempotencyIT() {
    api.campaign(tenant, new JsonObject().put("referee_reward", new JsonObject().put("type", "credit").put("amount_minor", 2000)
        .put("currency", "EUR")));
    String code = api.referrer(tenant, "ana");
    api.event(tenant, "signup", new JsonObject().put("event_id", "s-bo").put("new_user_id", "bo").put("code", code));
  }

  private static JsonObject payment(String eventId, String paymentId) {
    return new JsonObject().put("event_id", eventId).put("type", "invoice.paid").put("new_user_id", "bo")
        .put("payment_id", paymentId).put("amount_minor", 10_000).put("currency", "EUR");
  }

  /** One 201, and every other reply a 200 with the same answer. */
  private static void assertOneEffect(List<Api.Reply> replies) {
    assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
    assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(replies.size() - 1);
    assertThat(replies.stream().map(Api.Reply::json).distinct()).hasSize(1);
  }

  private long rewards() {
    return Db.count("SELECT count(*) FROM rewards WHERE tenant_id = ?", tenant.id());
  }

  @Test
  @DisplayName("a replay with the same body, however formatted, returns the first answer with 200 and changes nothing")
  void replays() {
    Api.Reply first = api.event(tenant, "billing", payment("e1", "in_1"));
    long before = rewards();

    Api.Reply replay = api.event(tenant, "billing", payment("e1", "in_1"));
    Api.Reply reordered = api.postRaw("/v1/events/billing", tenant.apiKey(),
        "{ \"currency\": \"EUR\", \"amount_minor\": 10000, \"payment_id\": \"in_1\", \"new_user_id\": \"bo\",\n"
            + "  \"type\": \"invoice.paid\", \"event_id\": \"e1\" }");

    assertThat(first.status()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json()).isEqualTo(first.json());
    assertThat(reordered.status()).isEqualTo(200);
    assertThat(reordered.json()).isEqualTo(first.json());
    assertThat(rewards()).isEqualTo(before);
  }

  @Test
  @DisplayName("the same event_id with another body, or at another endpoint, is 409 and changes nothing")
  void conflicts() {
    api.event(tenant, "billing", payment("e2", "in_2"));
    long before = rewards();

    Api.Reply otherBody = api.event(tenant, "billing", payment("e2", "in_2").put("amount_minor", 99));
    Api.Reply otherEndpoint = api.event(tenant, "activity", new JsonObject().put("event_id", "e2").put("user_id", "ana")
        .put("type", "shared"));

    assertThat(otherBody.status()).isEqualTo(409);
    assertThat(otherBody.contentType()).isEqualTo("application/problem+json");
    assertThat(otherEndpoint.status()).isEqualTo(409);
    assertThat(rewards()).isEqualTo(before);
    assertThat(Db.count("SELECT amount_minor FROM payments WHERE tenant_id = ? AND payment_id = 'in_2'", tenant.id())).isEqualTo(10_000);
  }

  @Test
  @DisplayName("the same event sent many times at once has one effect: one 201, the rest 200 with the same answer")
  void concurrentDuplicates() {
    List<Api.Reply> replies = Parallel.run(12, i -> api.event(tenant, "billing", payment("e3", "in_3")));

    assertOneEffect(replies);
    assertThat(Db.count("SELECT count(*) FROM rewards WHERE tenant_id = ? AND payment_id = 'in_3'", tenant.id())).isEqualTo(1);
  }

  @Test
  @DisplayName("one payment arriving at once under different event ids is counted once")
  void concurrentPaymentIds() {
    List<Api.Reply> replies = Parallel.run(8, i -> api.event(tenant, "billing", payment("e4-" + i, "in_4")));

    assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(200, 201));
    assertThat(Db.count("SELECT count(*) FROM payments WHERE tenant_id = ? AND payment_id = 'in_4'", tenant.id())).isEqualTo(1);
    assertThat(Db.count("SELECT count(*) FROM rewards WHERE tenant_id = ? AND payment_id = 'in_4'", tenant.id())).isEqualTo(1);
  }

  @Test
  @DisplayName("concurrent signups of one user end with one referee and one referee reward")
  void concurrentSignups() {
    String code = api.referrer(tenant, "carl");
    List<Api.Reply> replies = Parallel.run(8, i -> api.event(tenant, "signup", new JsonObject().put("event_id", "s-dee-" + i)
        .put("new_user_id", "dee").put("code", code)));

    assertThat(replies).allSatisfy(r -> assertThat(r.json().getString("status")).isEqualTo("attributed"));
    assertThat(Db.count("SELECT count(*) FROM referees WHERE tenant_id = ? AND user_id = 'dee'", tenant.id())).isEqualTo(1);
  }

  @Test
  @DisplayName("one signup sent many times at once is recorded once: one 201, the rest 200 with the same answer, one reward")
  void concurrentDuplicateSignups() {
    String code = api.referrer(tenant, "fay");
    JsonObject signup = new JsonObject().put("event_id", "s-gus").put("new_user_id", "gus").put("code", code);

    List<Api.Reply> replies = Parallel.run(12, i -> api.event(tenant, "signup", signup.copy()));

    assertOneEffect(replies);
    assertThat(Db.count("SELECT count(*) FROM referees WHERE tenant_id = ? AND user_id = 'gus'", tenant.id())).isEqualTo(1);
    assertThat(Db.count("SELECT count(*) FROM rewards WHERE tenant_id = ? AND referee_user_id = 'gus'", tenant.id())).isEqualTo(1);
  }

  @Test
  @DisplayName("a signup event_id reused for another user is 409, and that user is neither recorded nor rewarded")
  void signupConflict() {
    String code = api.referrer(tenant, "hal");
    api.event(tenant, "signup", new JsonObject().put("event_id", "s-ida").put("new_user_id", "ida").put("code", code));

    Api.Reply reused = api.event(tenant, "signup", new JsonObject().put("event_id", "s-ida").put("new_user_id", "jon").put("code", code));

    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.contentType()).isEqualTo("application/problem+json");
    assertThat(Db.count("SELECT count(*) FROM referees WHERE tenant_id = ? AND user_id = 'jon'", tenant.id())).isZero();
    assertThat(Db.count("SELECT count(*) FROM rewards WHERE tenant_id = ? AND referee_user_id = 'jon'", tenant.id())).isZero();
  }

  @Test
  @DisplayName("refgate_events_total counts events by type and outcome")
  void metrics() {
    api.event(tenant, "billing", payment("e5", "in_5"));
    api.event(tenant, "billing", payment("e5", "in_5"));
    api.event(tenant, "billing", new JsonObject().put("event_id", "e6"));

    String metrics = api.management("/metrics").body();

    assertThat(Metrics.sum(metrics, "refgate_events_total{outcome=\"processed\",type=\"billing\"}")).isPositive();
    assertThat(Metrics.sum(metrics, "refgate_events_total{outcome=\"replayed\",type=\"billing\"}")).isPositive();
    assertThat(Metrics.sum(metrics, "refgate_events_total{outcome=\"invalid\",type=\"billing\"}")).isPositive();
    assertThat(metrics).contains("refgate_rewards_total{status=\"pending\"}");
  }

}
