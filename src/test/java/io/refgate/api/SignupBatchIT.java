package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.app.Refgate;
import io.refgate.testing.Api;
import io.refgate.testing.Db;
import io.refgate.testing.Metrics;
import io.refgate.testing.Parallel;
import io.refgate.testing.TestEnvironment;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Signups arriving together are recorded together, each as if alone (CONTRACT §5)")
class SignupBatchIT {
  /** One statement out at a time, so that signups arriving meanwhile share the next one. */
  private static Refgate gateway;
  private static Api api;
  private final Api.Tenant tenant = api.tenant();
  private final String code;

  SignupBatchIT() {
    api.campaign(tenant, new JsonObject().put("referee_reward", new JsonObject().put("type", "credit").put("amount_minor", 2000)
        .put("currency", "EUR")));
    code = api.referrer(tenant, "ana");
  }

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("signups.statements_in_flight", "1", "signups.batch_size", "8", "pg.connect_timeout_ms", "1000"));
    api = new Api(gateway);
  }

  @AfterAll
  static void stop() {
    TestGateway.stop(gateway);
  }

  private JsonObject signup(String eventId, String userId) {
    return new JsonObject().put("event_id", eventId).put("new_user_id", userId).put("code", code);
  }

  private long count(String table) {
    return Db.count("SELECT count(*) FROM " + table + " WHERE tenant_id = ?", tenant.id());
  }

  @Test
  @DisplayName("many new users at once are each attributed and rewarded once, in statements of several signups")
  void manyAtOnce() {
    double statementsBefore = Metrics.sum(api.management("/metrics").body(), "refgate_signup_batch_size_count");

    List<Api.Reply> replies = Parallel.run(24, i -> api.event(tenant, "signup", signup("s-" + i, "user-" + i)));

    for (int i = 0; i < replies.size(); i++) {
      Api.Reply reply = replies.get(i);
      assertThat(reply.status()).isEqualTo(201);
      assertThat(reply.json().getString("status")).isEqualTo("attributed");
      assertThat(reply.json().getString("referrer_user_id")).isEqualTo("ana");
      JsonObject reward = reply.json().getJsonObject("referee_reward");
      assertThat(reward.getLong("amount_minor")).isEqualTo(2000);
      assertThat(Db.one("SELECT user_id FROM rewards WHERE id = ?::uuid", reward.getString("id"))).isEqualTo("user-" + i);
    }
    assertThat(count("referees")).isEqualTo(24);
    assertThat(count("rewards")).isEqualTo(24);
    assertThat(count("events")).isEqualTo(24);
    String metrics = api.management("/metrics").body();
    assertThat(Metrics.sum(metrics, "refgate_signup_batch_size_count") - statementsBefore).isLessThan(24);
    assertThat(Metrics.sum(metrics, "refgate_signup_batch_size_max")).isBetween(2.0, 8.0);
  }

  @Test
  @DisplayName("a replay, a reused event id and a user who signed up before, among new signups, are answered as if alone")
  void exceptionsAmongNewSignups() {
    Api.Reply first = api.event(tenant, "signup", signup("s-old", "old"));

    List<Api.Reply> replies = Parallel.run(15, i -> switch (i) {
      case 0 -> api.event(tenant, "signup", signup("s-old", "old"));
      case 1 -> api.event(tenant, "signup", signup("s-old", "thief"));
      case 2 -> api.event(tenant, "signup", signup("s-old-again", "old"));
      default -> api.event(tenant, "signup", signup("s-new-" + i, "new-" + i));
    });

    assertThat(replies.get(0).status()).isEqualTo(200);
    assertThat(replies.get(0).json()).isEqualTo(first.json());
    assertThat(replies.get(1).status()).isEqualTo(409);
    assertThat(replies.get(1).contentType()).isEqualTo("application/problem+json");
    assertThat(replies.get(2).status()).isEqualTo(200);
    assertThat(replies.get(2).json()).isEqualTo(first.json());
    assertThat(replies.subList(3, 15)).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(201));
    assertThat(Db.count("SELECT count(*) FROM referees WHERE tenant_id = ? AND user_id = 'thief'", tenant.id())).isZero();
    assertThat(count("referees")).isEqualTo(13);
    assertThat(count("rewards")).isEqualTo(13);
    assertThat(count("events")).isEqualTo(14);
  }

  @Test
  @DisplayName("a signup that cannot go out in time, behind a statement PostgreSQL holds up, answers 503, stores nothing, and can be sent again")
  void stuckStatement() throws Exception {
    CompletableFuture<Api.Reply> held;
    Api.Reply late;
    try (Connection db = TestEnvironment.jdbc()) {
      db.setAutoCommit(false);
      db.createStatement().execute("LOCK TABLE referees IN SHARE ROW EXCLUSIVE MODE");
      held = CompletableFuture.supplyAsync(() -> api.event(tenant, "signup", signup("s-held", "held")));
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
          Db.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()") == 1);

      late = api.event(tenant, "signup", signup("s-late", "late"));

      db.rollback();
    }

    assertThat(late.status()).isEqualTo(503);
    assertThat(late.contentType()).isEqualTo("application/problem+json");
    assertThat(late.header("Retry-After")).isNotBlank();
    assertThat(Db.count("SELECT count(*) FROM events WHERE tenant_id = ? AND event_id = 's-late'", tenant.id())).isZero();
    assertThat(Db.count("SELECT count(*) FROM referees WHERE tenant_id = ? AND user_id = 'late'", tenant.id())).isZero();
    assertThat(held.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
    assertThat(api.event(tenant, "signup", signup("s-late", "late")).status()).isEqualTo(201);
    assertThat(count("rewards")).isEqualTo(2);
  }

  @Test
  @DisplayName("two instances receiving the same users' signups at once, in any order, record each user once with one reward")
  void twoInstances() throws Exception {
    Refgate other = TestGateway.start(Map.of("signups.statements_in_flight", "1"));
    try {
      Api otherApi = new Api(other);
      int users = 4;
      List<Api.Reply> replies;
      CompletableFuture<Api.Reply> blockedHere;
      CompletableFuture<Api.Reply> blockedThere;
      // both instances' first statements wait, so that the signups below meet in statements sent at the same moment
      try (Connection db = TestEnvironment.jdbc()) {
        db.setAutoCommit(false);
        db.createStatement().execute("LOCK TABLE referees IN SHARE ROW EXCLUSIVE MODE");
        blockedHere = CompletableFuture.supplyAsync(() -> api.event(tenant, "signup", signup("s-here", "here")));
        blockedThere = CompletableFuture.supplyAsync(() -> otherApi.event(tenant, "signup", signup("s-there", "there")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
            Db.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()") == 2);
        CompletableFuture<List<Api.Reply>> all = CompletableFuture.supplyAsync(() -> Parallel.run(32, i -> {
          boolean here = (i / users) % 2 == 0;
          int user = here ? i % users : users - 1 - i % users;
          return (here ? api : otherApi).event(tenant, "signup", signup("s-both-" + i, "both-" + user));
        }));
        Thread.sleep(500);
        db.rollback();
        replies = all.get(30, TimeUnit.SECONDS);
      }

      assertThat(blockedHere.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
      assertThat(blockedThere.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
      assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isIn(200, 201));
      for (int user = 0; user < users; user++) {
        String userId = "both-" + user;
        List<Api.Reply> ofUser = replies.stream()
            .filter(reply -> userId.equals(reply.json().getJsonObject("referee_reward").getString("user_id"))).toList();
        assertThat(ofUser).hasSize(32 / users);
        assertThat(ofUser).filteredOn(reply -> reply.status() == 201).hasSize(1);
        assertThat(ofUser).allSatisfy(reply -> assertThat(reply.json()).isEqualTo(ofUser.get(0).json()));
      }
      assertThat(count("referees")).isEqualTo(users + 2);
    } finally {
      TestGateway.stop(other);
    }
  }
}
