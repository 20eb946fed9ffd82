package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.testing.Api;
import io.refgate.testing.Browsers;
import io.refgate.testing.Metrics;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Operations: health checks and metrics (CONTRACT §7)")
class OperationsIT {
  private final Api api = new Api(TestGateway.shared());

  @Test
  @DisplayName("liveness and readiness answer on both ports, with each dependency's state")
  void health() {
    for (Api.Reply live : new Api.Reply[] {api.get("/health/live", null), api.management("/health/live")}) {
      assertThat(live.status()).isEqualTo(200);
      assertThat(live.json().getString("status")).isEqualTo("UP");
    }
    for (Api.Reply ready : new Api.Reply[] {api.get("/health/ready", null), api.management("/health/ready")}) {
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().getJsonObject("checks").getJsonObject("postgresql").getString("status")).isEqualTo("UP");
      assertThat(ready.json().getJsonObject("checks").getJsonObject("redis").getString("status")).isEqualTo("UP");
    }
  }

  @Test
  @DisplayName("/metrics on the management port has every contract metric plus JVM, HTTP server and pool metrics")
  void metrics() {
    Api.Tenant tenant = api.tenant();
    api.campaign(tenant, new JsonObject());
    String code = api.referrer(tenant, "u_1");
    api.click(code, Browsers.CHROME);
    api.click(code, Browsers.CHROME);
    TestGateway.shared().clickWriter().flush(5_000).await();

    Api.Reply metrics = api.management("/metrics");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.body()).contains(
        "refgate_redirects_total{outcome=\"redirected\"}", "refgate_redirects_total{outcome=\"not_found\"}",
        "refgate_redirects_total{outcome=\"invalid\"}", "refgate_redirects_total{outcome=\"bot\"}",
        "refgate_redirect_seconds_bucket{", "refgate_redirect_seconds_count",
        "refgate_code_lookups_total{layer=\"local\",result=\"hit\"}", "refgate_code_lookups_total{layer=\"redis\",result=\"miss\"}",
        "refgate_code_lookups_total{layer=\"db\",result=\"hit\"}",
        "refgate_clicks_pending ", "refgate_clicks_written_total ", "refgate_clicks_dropped_total ",
        "jvm_memory_used_bytes", "jvm_gc_pause_seconds", "jvm_compilation_time_ms_total ", "process_cpu_usage",
        "vertx_http_server_requests_total", "vertx_pool_", "vertx_sql_");
    assertThat(api.get("/metrics", null).status()).as("metrics stay off the public port").isEqualTo(404);
  }

  @Test
  @DisplayName("HTTP server metrics count API calls; referral links are counted by refgate_redirects_total alone")
  void redirectsSkipHttpServerMeters() {
    Api.Tenant tenant = api.tenant();
    api.campaign(tenant, new JsonObject());
    String code = api.referrer(tenant, "u_meters");
    String before = settledMetrics();

    api.click(code, Browsers.CHROME);
    api.get("/v1/referrers/u_meters/link", tenant.apiKey());

    String redirected = "refgate_redirects_total{outcome=\"redirected\"}";
    // a request is counted as its answer ends, which a fast client can overtake
    Awaitility.await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
      String after = api.management("/metrics").body();
      assertThat(Metrics.sum(after, redirected) - Metrics.sum(before, redirected)).isEqualTo(1);
      assertThat(apiCalls(after) - apiCalls(before)).as("the API call alone, besides scrapes").isEqualTo(1);
    });
  }

  /** Requests counted by the HTTP server meters, scrapes of /metrics left out. */
  private static double apiCalls(String metrics) {
    return Metrics.sum(metrics, "vertx_http_server_requests_total{")
        - Metrics.sum(metrics, "vertx_http_server_requests_total{code=\"200\",method=\"GET\",route=\"/metrics\"}");
  }

  /** The metrics once every call made so far is counted: two scrapes in a row agree on the API calls. */
  private String settledMetrics() {
    AtomicReference<String> last = new AtomicReference<>(api.management("/metrics").body());
    Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> {
      String now = api.management("/metrics").body();
      boolean settled = apiCalls(now) == apiCalls(last.get());
      last.set(now);
      return settled;
    });
    return last.get();
  }
}
