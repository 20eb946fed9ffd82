package io.refgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefgateConfigTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "http.port                 | abc",
      "http.port                 | 70000",
      "http.port                 | -1",
      "management.port           | 8080.5",
      "http.trust_proxy_hops     | 17",
      "cookie.secure             | yes",
      "pg.url                    | mysql://x",
      "pg.url                    | postgresql:///refgate",
      "redis.url                 | http://localhost:6379",
      "public_base_url           | localhost:8080",
      "public_base_url           | ftp://go.acme.example",
      "redirect.fallback_url     | javascript:alert(1)",
      "clicks.batch_size         | 0",
      "clicks.min_batch_size     | 0",
      "signups.batch_size        | 1001",
      "signups.statements_in_flight | 0",
      "cache.edit_poll_ms        | 5000",
      "bots.file                 | /no/such/crawler-user-agents.json",
  })
  @DisplayName("a bad value stops start-up with a message naming the key, its variable and the value")
  void badValueNamesKeyAndVariable(String key, String value) {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(ConfigLoader.envName(key), value))).isInstanceOf(ConfigException.class)
        .hasMessageContaining(key).hasMessageContaining(ConfigLoader.envName(key)).hasMessageContaining("'" + value + "'");
  }

  @Test
  @DisplayName("the cache invalidation delay must exceed the PostgreSQL lookup timeout")
  void invalidationDelayMustExceedLookupTimeout() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REFGATE_CACHE_INVALIDATION_DELAY_MS", "500")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cache.invalidation_delay_ms").hasMessageContaining("REFGATE_CACHE_INVALIDATION_DELAY_MS")
        .hasMessageContaining("pg.lookup_timeout_ms");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REFGATE_PG_LOOKUP_TIMEOUT_MS", "2000")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("REFGATE_CACHE_INVALIDATION_DELAY_MS");
    assertThat(ConfigLoader.load(null, Map.of("REFGATE_CACHE_INVALIDATION_DELAY_MS", "501")).cache().invalidationDelayMs()).isEqualTo(501);
  }

  @Test
  @DisplayName("the click writer's least batch must not exceed its largest")
  void minBatchSizeWithinBatchSize() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REFGATE_CLICKS_MIN_BATCH_SIZE", "5001")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("clicks.min_batch_size").hasMessageContaining("REFGATE_CLICKS_MIN_BATCH_SIZE")
        .hasMessageContaining("clicks.batch_size").hasMessageContaining("'5001'");
    assertThat(ConfigLoader.load(null, Map.of("REFGATE_CLICKS_MIN_BATCH_SIZE", "5000")).clicks().minBatchSize()).isEqualTo(5000);
  }

  @Test
  @DisplayName("signup statements in flight must fit in the PostgreSQL pool")
  void signupStatementsWithinPool() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REFGATE_SIGNUPS_STATEMENTS_IN_FLIGHT", "9")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("signups.statements_in_flight").hasMessageContaining("REFGATE_SIGNUPS_STATEMENTS_IN_FLIGHT")
        .hasMessageContaining("pg.pool_size").hasMessageContaining("'9'");
    assertThat(ConfigLoader.load(null, Map.of("REFGATE_SIGNUPS_STATEMENTS_IN_FLIGHT", "16", "REFGATE_PG_POOL_SIZE", "16")).signups()
        .statementsInFlight()).isEqualTo(16);
  }

  @Test
  @DisplayName("a readable crawler list file replaces the bundled one")
  void botsFile(@TempDir Path dir) throws IOException {
    Path list = Files.writeString(dir.resolve("crawlers.json"), "[{\"pattern\": \"AcmeBot\"}]");
    assertThat(ConfigLoader.load(null, Map.of("REFGATE_BOTS_FILE", list.toString())).bots().file()).isEqualTo(list);
  }

  @Test
  @DisplayName("an admin token turns the admin API on")
  void adminToken() {
    assertThat(ConfigLoader.load(null, Map.of("REFGATE_ADMIN_TOKEN", "s3cret")).admin().enabled()).isTrue();
  }
}
