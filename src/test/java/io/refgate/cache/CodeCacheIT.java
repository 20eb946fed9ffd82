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
  private static final int LOCAL_MAX_AGE_MS = 1000;
  private static final int INVALIDATION_DELAY_MS = 600;
  private static final int EDIT_POLL_MS = 50;
  /** Time for the delayed invalidation's notice to be read back, with room for a slow poll. */
  private static final int NOTICE_MARGIN_MS = 400;
  private static Refgate gateway;
  private static Api api;
  private static Api.Tenant tenant;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("cache.local_ttl_ms", String.valueOf(LOCAL_TTL_MS),
        "cache.local_max_age_s", String.valueOf(LOCAL_MAX_AGE_MS / 1000),
        "cache.invalidation_delay_ms", String.valueOf(INVALIDATION_DELAY_MS),
        "cache.edit_poll_ms", String.valueOf(EDIT_POLL_MS)));
    api = new Api(gateway);
    tenant = api.tenant();
    api.campaign(tenant, new JsonObject());
  }

  @AfterAll
  static void stop() {
    TestGateway.stop(gateway);
  }

  @Test
  @DisplayName("a code is read from PostgreSQL once, then served locally, then from Redis when the local entry ages out")
  void layers() throws InterruptedException {
    String code = settled(api.referrer(tenant, "u_layers"));
    Map<String, Double> before = lookups(api);

    api.click(code, Browsers.CHROME);
    api.click(code, Browsers.CHROME);
    Thread.sleep(LOCAL_MAX_AGE_MS + 200);
    api.click(code, Browsers.CHROME);

    Map<String, Double> delta = delta(api, before);
    assertThat(delta).containsEntry("db/hit", 1.0).containsEntry("local/hit", 1.0).containsEntry("redis/hit", 1.0);
  }

  @Test
  @DisplayName("while edit notices arrive, local entries outlive cache.local_ttl_ms; without them (Redis down) they do not")
  void localLifetime() throws InterruptedException {
    String code = settled(api.referrer(tenant, "u_lifetime"));
    Refgate withoutRedis = TestGateway.start(Map.of("cache.local_ttl_ms", String.valueOf(LOCAL_TTL_MS),
        "redis.url", "redis://127.0.0.1:1"));
    try {
      Api cut = new Api(withoutRedis);
      api.click(code, Browsers.CHROME);
      cut.click(code, Browsers.CHROME);
      Map<String, Double> before = lookups(api);
      Map<String, Double> cutBefore = lookups(cut);

      Thread.sleep(LOCAL_TTL_MS + 200);
      api.click(code, Browsers.CHROME);
      cut.click(code, Browsers.CHROME);

      assertThat(delta(api, before)).containsEntry("local/hit", 1.0).containsEntry("db/hit", 0.0);
      assertThat(delta(cut, cutBefore)).containsEntry("local/hit", 0.0).containsEntry("db/hit", 1.0);
    } finally {
      TestGateway.stop(withoutRedis);
    }
  }

  @Test
  @DisplayName("an unknown code is remembered as unknown in every layer")
  void negativeEntries() throws InterruptedException {
    Map<String, Double> before = lookups(api);

    api.click("NeverIssued1", Browsers.CHROME);
    api.click("NeverIssued1", Browsers.CHROME);
    Thread.sleep(LOCAL_MAX_AGE_MS + 200);
    assertThat(api.click("NeverIssued1", Browsers.CHROME).status()).isEqualTo(404);

    assertThat(delta(api, before)).containsEntry("db/miss", 1.0).containsEntry("local/hit", 1.0).containsEntry("redis/hit", 1.0);
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
  void coalescesMisses() throws InterruptedException {
    String code = settled(api.referrer(tenant, "u_crowd"));
    Map<String, Double> before = lookups(api);

    var replies = Parallel.run(40, i -> api.click(code, Browsers.CHROME));

    assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(302));
    assertThat(delta(api, before)).containsEntry("db/hit", 1.0);
  }

  /**
   * A new code once its enrolment's second invalidation has passed and its notice has been read,
   * either of which would empty the caches again.
   */
  private static String settled(String code) throws InterruptedException {
    Thread.sleep(INVALIDATION_DELAY_MS + NOTICE_MARGIN_MS);
    return code;
  }

  private static Map<String, Double> lookups(Api api) {
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

  private static Map<String, Double> delta(Api api, Map<String, Double> before) {
    Map<String, Double> after = lookups(api);
    Map<String, Double> delta = new java.util.HashMap<>();
    after.forEach((key, value) -> delta.put(key, value - before.get(key)));
    return delta;
  }
}
