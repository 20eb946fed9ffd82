package io.refgate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.app.Refgate;
import io.refgate.testing.Api;
import io.refgate.testing.Browsers;
import io.refgate.testing.Metrics;
import io.refgate.testing.Parallel;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The code lookup chain: in-process cache → Redis → PostgreSQL")
class CodeCacheIT {
  private static final int LOCAL_TTL_MS = 300;
  private static Refgate gateway;
  private static Api api;
  private static Api.Tenant tenant;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("cache.local_ttl_ms", String.valueOf(LOCAL_TTL_MS)));
    api = new Api(gateway);
    tenant = api.tenant();
    api.campaign(tenant, new JsonObject());
  }

  @AfterAll
  static void stop() {
    TestGateway.stop(gateway);
  }

  @Test
  @DisplayName("a code is read from PostgreSQL once, then served locally, then from Redis when the local entry expires")
  void layers() throws InterruptedException {
    String code = api.referrer(tenant, "u_layers");
    Map<String, Double> before = lookups();

    api.click(code, Browsers.CHROME);
    api.click(code, Browsers.CHROME);
    Thread.sleep(LOCAL_TTL_MS + 100);
    api.click(code, Browsers.CHROME);

    Map<String, Double> delta = delta(before);
    assertThat(delta).containsEntry("db/hit", 1.0).containsEntry("local/hit", 1.0).containsEntry("redis/hit", 1.0);
  }

  @Test
  @DisplayName("an unknown code is remembered as unknown in every layer")
  void negativeEntries() throws InterruptedException {
    Map<String, Double> before = lookups();

    api.click("NeverIssued1", Browsers.CHROME);
    api.click("NeverIssued1", Browsers.CHROME);
    Thread.sleep(LOCAL_TTL_MS + 100);
    assertThat(api.click("NeverIssued1", Browsers.CHROME).status()).isEqualTo(404);

    assertThat(delta(before)).containsEntry("db/miss", 1.0).containsEntry("local/hit", 1.0).containsEntry("redis/hit", 1.0);
  }

  @Test
  @DisplayName("a code created after it was looked up as unknown redirects at once")
  void creationClearsNegativeEntries() {
    api.referrer(tenant, "u_custom");
    assertThat(api.click("made-later-01", Browsers.CHROME).status()).isEqualTo(404);

    api.post("/v1/links", tenant.apiKey(), new JsonObject().put("user_id", "u_custom").put("code", "made-later-01"));

    assertThat(api.click("made-later-01", Browsers.CHROME).status()).isEqualTo(302);
  }

  @Test
  @DisplayName("many concurrent first requests for one code share a single database lookup")
  void coalescesMisses() {
    String code = api.referrer(tenant, "u_crowd");
    Map<String, Double> before = lookups();

    var replies = Parallel.run(40, i -> api.click(code, Browsers.CHROME));

    assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(302));
    assertThat(delta(before)).containsEntry("db/hit", 1.0);
  }

  private static Map<String, Double> lookups() {
    String body = api.management("/metrics").body();
    Map<String, Double> values = new java.util.HashMap<>();
    for (String layer : new String[] {"local", "redis", "db"}) {
      for (String result : new String[] {"hit", "miss"}) {
        values.put(layer + "/" + result, Metrics.sum(body,
            "refgate_code_lookups_total{layer=\"" + layer + "\",result=\"" + result + "\"}"));
      }
    }
    return values;
  }

  private static Map<String, Double> delta(Map<String, Double> before) {
    Map<String, Double> after = lookups();
    Map<String, Double> delta = new java.util.HashMap<>();
    after.forEach((key, value) -> delta.put(key, value - before.get(key)));
    return delta;
  }
}
