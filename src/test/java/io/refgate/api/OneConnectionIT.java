package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.app.Refgate;
import io.refgate.testing.Api;
import io.refgate.testing.Browsers;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An event that needed a second pool connection while holding its transaction's would, under
 * load, wait for connections that other such events hold: with a pool of one it cannot finish.
 */
@DisplayName("Every event runs on one database connection")
class OneConnectionIT {
  private static Refgate gateway;
  private static Api api;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("pg.pool_size", "1", "signups.statements_in_flight", "1", "pg.connect_timeout_ms", "1000"));
    api = new Api(gateway);
  }

  @AfterAll
  static void stop() {
    TestGateway.stop(gateway);
  }

  @Test
  @DisplayName("with a pool of one connection, signups by click and by code, milestones, payments and refunds all complete")
  void eventsOnOneConnection() {
    Api.Tenant tenant = api.tenant();
    api.campaign(tenant, new JsonObject()
        .put("referee_reward", new JsonObject().put("type", "credit").put("amount_minor", 2000).put("currency", "EUR"))
        .put("referrer_reward", new JsonObject().put("type", "flat").put("amount_minor", 500).put("currency", "EUR")
            .put("trigger", "first_payment").put("cap_minor", 1000)));
    String code = api.referrer(tenant, "ana");
    String clickId = Api.clickIdOf(api.click(code, Browsers.CHROME));

    Api.Reply byClick = api.event(tenant, "signup", new JsonObject().put("event_id", "s1").put("new_user_id", "bo").put("click_id", clickId));
    Api.Reply byCode = api.event(tenant, "signup", new JsonObject().put("event_id", "s2").put("new_user_id", "cy").put("code", code));
    Api.Reply milestone = api.event(tenant, "milestone", new JsonObject().put("event_id", "m1").put("new_user_id", "bo")
        .put("name", "demo_attended"));
    Api.Reply paid = api.event(tenant, "billing", new JsonObject().put("event_id", "p1").put("type", "invoice.paid")
        .put("new_user_id", "bo").put("payment_id", "in_1").put("amount_minor", 10_000).put("currency", "EUR"));
    Api.Reply refunded = api.event(tenant, "billing", new JsonObject().put("event_id", "r1").put("type", "charge.refunded")
        .put("payment_id", "in_1"));

    assertThat(byClick.json().getString("status")).isEqualTo("attributed");
    assertThat(byCode.json().getString("status")).isEqualTo("attributed");
    for (Api.Reply reply : new Api.Reply[] {byClick, byCode, milestone, paid, refunded}) {
      assertThat(reply.status()).isEqualTo(201);
    }
    assertThat(paid.json().getJsonArray("rewards")).hasSize(1);
  }
}
