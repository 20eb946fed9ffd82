package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.refgate.app.Refgate;
import io.refgate.testing.Api;
import io.refgate.testing.Browsers;
import io.refgate.testing.Db;
import io.refgate.testing.Metrics;
import io.refgate.testing.TcpProxy;
import io.refgate.testing.TestEnvironment;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Graceful degradation when Redis or PostgreSQL is down (CONTRACT §7)")
class ResilienceIT {

  @Test
  @DisplayName("without Redis, redirects and the API keep working and readiness says degraded")
  void redisDown() {
    Refgate gateway = TestGateway.start(Map.of("redis.url", "redis://127.0.0.1:1"));
    try {
      Api api = new Api(gateway);
      Api.Tenant tenant = api.tenant();
      api.campaign(tenant, new JsonObject());
      String code = api.referrer(tenant, "u_1");

      for (int i = 0; i < 5; i++) {
        assertThat(api.click(code, Browsers.CHROME).status()).isEqualTo(302);
      }
      assertThat(api.click("NoSuchCode42", Browsers.CHROME).status()).isEqualTo(404);
      Api.Reply ready = api.management("/health/ready");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().getString("status")).isEqualTo("DEGRADED");
      assertThat(ready.json().getJsonObject("checks").getJsonObject("redis").getString("status")).isEqualTo("DEGRADED");
    } finally {
      TestGateway.stop(gateway);
    }
  }

  @Test
  @DisplayName("without PostgreSQL, cached links still redirect and events get 503; clicks wait, events are retried, nothing is lost")
  void postgresDown() throws Exception {
    URI pg = URI.create(TestEnvironment.pgUrl());
    try (TcpProxy proxy = new TcpProxy(pg.getHost(), pg.getPort())) {
      String viaProxy = pg.getScheme() + "://" + pg.getUserInfo() + "@127.0.0.1:" + proxy.port() + pg.getPath();
      Refgate gateway = TestGateway.start(Map.of("pg.url", viaProxy, "pg.connect_timeout_ms", "500"));
      try {
        Api api = new Api(gateway);
        Api.Tenant tenant = api.tenant();
        api.campaign(tenant, new JsonObject());
        String code = api.referrer(tenant, "u_1");
        assertThat(api.click(code, Browsers.CHROME).status()).isEqualTo(302);

        proxy.cut();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.management("/health/ready").status() == 503);
        for (int i = 0; i < 20; i++) {
          assertThat(api.click(code, Browsers.CHROME).status()).isEqualTo(302);
        }
        Api.Reply refused = api.post("/v1/referrers", tenant.apiKey(), new JsonObject().put("user_id", "u_2"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotBlank();
        Api.Reply event = api.event(tenant, "signup", new JsonObject().put("event_id", "s-during-outage").put("new_user_id", "bo")
            .put("code", code));
        assertThat(event.status()).isEqualTo(503);
        assertThat(event.header("Retry-After")).isNotBlank();
        assertThat(Metrics.sum(api.management("/metrics").body(), "refgate_clicks_pending")).isPositive();

        proxy.restore();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.management("/health/ready").status() == 200);
        gateway.clickWriter().flush(10_000).await();
        Api.Reply retried = api.event(tenant, "signup", new JsonObject().put("event_id", "s-during-outage").put("new_user_id", "bo")
            .put("code", code));
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().getString("status")).isEqualTo("attributed");
        assertThat(Db.count("SELECT count(*) FROM clicks c JOIN links l ON l.id = c.link_id WHERE l.code = ?", code)).isEqualTo(21);
        assertThat(Metrics.sum(api.management("/metrics").body(), "refgate_clicks_dropped_total")).isZero();
      } finally {
        TestGateway.stop(gateway);
      }
    }
  }
}
