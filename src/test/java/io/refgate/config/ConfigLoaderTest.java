package io.refgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("refgate.yaml"), yaml);
  }

  @Test
  @DisplayName("without a file or environment every setting has the default documented in refgate.yaml")
  void pinsEveryDefault() {
    RefgateConfig config = ConfigLoader.load(null, Map.of());
    assertThat(config.http()).isEqualTo(new RefgateConfig.Http("0.0.0.0", 8080, 0, 0));
    assertThat(config.management()).isEqualTo(new RefgateConfig.Management("0.0.0.0", 9090));
    assertThat(config.admin()).isEqualTo(new RefgateConfig.Admin(""));
    assertThat(config.admin().enabled()).isFalse();
    assertThat(config.publicBaseUrl()).isEqualTo(URI.create("http://localhost:8080"));
    assertThat(config.pg()).isEqualTo(new RefgateConfig.Pg(URI.create("postgresql://postgres@localhost:5432/refgate"), 8, 3000, 500));
    assertThat(config.redis()).isEqualTo(new RefgateConfig.Redis(URI.create("redis://localhost:6379"), "refgate:", 8, 200, 5000));
    assertThat(config.cookie()).isEqualTo(new RefgateConfig.Cookie(true));
    assertThat(config.redirect()).isEqualTo(new RefgateConfig.Redirect(null));
    assertThat(config.cache()).isEqualTo(new RefgateConfig.Cache(1000, 300, 200, 100_000, 300, 60, 1000));
    assertThat(config.clicks()).isEqualTo(new RefgateConfig.Clicks(200_000, 150, 5000, 100, 2, 15_000, 3));
    assertThat(config.signups()).isEqualTo(new RefgateConfig.Signups(64, 2));
    assertThat(config.rewards()).isEqualTo(new RefgateConfig.Rewards(60000));
    assertThat(config.bots()).isEqualTo(new RefgateConfig.Bots(null));
  }

  @Test
  @DisplayName("refgate.yaml documents exactly these settings")
  void documentedKeys() {
    assertThat(ConfigLoader.keys()).containsExactly("http.host", "http.port", "http.instances", "http.trust_proxy_hops",
        "management.host", "management.port", "admin.token", "public_base_url", "pg.url", "pg.pool_size", "pg.connect_timeout_ms",
        "pg.lookup_timeout_ms", "redis.url", "redis.key_prefix", "redis.pool_size", "redis.timeout_ms", "redis.breaker_reset_ms",
        "cookie.secure", "redirect.fallback_url", "cache.local_ttl_ms", "cache.local_max_age_s",
        "cache.edit_poll_ms", "cache.local_max_entries", "cache.redis_ttl_s",
        "cache.redis_negative_ttl_s", "cache.invalidation_delay_ms", "clicks.buffer_capacity", "clicks.flush_interval_ms",
        "clicks.min_batch_size", "clicks.batch_size", "clicks.writer_connections", "clicks.drain_timeout_ms", "clicks.partition_months_ahead",
        "signups.batch_size", "signups.statements_in_flight", "rewards.approval_interval_ms", "bots.file");
  }

  @Test
  @DisplayName("each setting's variable is REFGATE_ plus the key upper-cased with dots as underscores")
  void environmentVariableNames() {
    assertThat(ConfigLoader.envName("public_base_url")).isEqualTo("REFGATE_PUBLIC_BASE_URL");
    assertThat(ConfigLoader.envName("http.port")).isEqualTo("REFGATE_HTTP_PORT");
    assertThat(ConfigLoader.envName("cache.invalidation_delay_ms")).isEqualTo("REFGATE_CACHE_INVALIDATION_DELAY_MS");
  }

  @Test
  @DisplayName("a REFGATE_ variable that names no setting is reported, test variables excepted")
  void unknownVariables() {
    Map<String, String> env = Map.of("REFGATE_HTTP_PROT", "1", "REFGATE_HTTP_PORT", "1", "REFGATE_TEST_PG_URL", "x", "PATH", "/bin");

    assertThat(ConfigLoader.unknownVariables(env)).containsExactly("REFGATE_HTTP_PROT");
  }

  @Test
  @DisplayName("REFGATE_* environment variables override the defaults")
  void environmentOverrides() {
    RefgateConfig config = ConfigLoader.load(null, Map.of("REFGATE_HTTP_PORT", " 9000 ", "REFGATE_MANAGEMENT_PORT", "9100",
        "REFGATE_ADMIN_TOKEN", "s3cret", "REFGATE_PG_URL", "postgres://app:pw@db:5432/refgate", "REFGATE_REDIS_URL", "rediss://cache:6380",
        "REFGATE_COOKIE_SECURE", "FALSE", "REFGATE_REDIRECT_FALLBACK_URL", "https://acme.example/", "PATH", "/usr/bin"));
    assertThat(config.http().port()).isEqualTo(9000);
    assertThat(config.management().port()).isEqualTo(9100);
    assertThat(config.admin().enabled()).isTrue();
    assertThat(config.pg().url()).isEqualTo(URI.create("postgres://app:pw@db:5432/refgate"));
    assertThat(config.redis().url()).isEqualTo(URI.create("rediss://cache:6380"));
    assertThat(config.cookie().secure()).isFalse();
    assertThat(config.redirect().fallbackUrl()).isEqualTo(URI.create("https://acme.example/"));
  }

  @Test
  @DisplayName("the public base URL loses a trailing slash, so links never contain '//r/'")
  void stripsTrailingSlash() {
    RefgateConfig config = ConfigLoader.load(null, Map.of("REFGATE_PUBLIC_BASE_URL", "https://go.acme.example/"));
    assertThat(config.publicBaseUrl()).isEqualTo(URI.create("https://go.acme.example"));
  }

  @Test
  @DisplayName("left empty, the public base URL follows http.port, so a gateway moved to another port hands out working links")
  void publicBaseUrlFollowsPort() {
    RefgateConfig config = ConfigLoader.load(null, Map.of("REFGATE_HTTP_PORT", "8181"));
    assertThat(config.publicBaseUrl()).isEqualTo(URI.create("http://localhost:8181"));
  }

  @Test
  @DisplayName("any free port (http.port 0) needs the public base URL given, since the links cannot name the port")
  void publicBaseUrlNeededForAnyPort() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REFGATE_HTTP_PORT", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("public_base_url");
  }

  @Test
  @DisplayName("a --config file overrides the defaults it names and keeps the others")
  void fileOverrides() throws IOException {
    Path file = file("http:\n  port: 8181\ncookie:\n  secure: false\npublic_base_url: https://go.acme.example\n");
    RefgateConfig config = ConfigLoader.load(file, Map.of());
    assertThat(config.http()).isEqualTo(new RefgateConfig.Http("0.0.0.0", 8181, 0, 0));
    assertThat(config.cookie().secure()).isFalse();
    assertThat(config.publicBaseUrl()).isEqualTo(URI.create("https://go.acme.example"));
    assertThat(config.management().port()).isEqualTo(9090);
  }

  @Test
  @DisplayName("the environment wins over the --config file")
  void environmentBeatsFile() throws IOException {
    Path file = file("http:\n  port: 8181\n  host: 127.0.0.1\n");
    RefgateConfig config = ConfigLoader.load(file, Map.of("REFGATE_HTTP_PORT", "9000"));
    assertThat(config.http().port()).isEqualTo(9000);
    assertThat(config.http().host()).isEqualTo("127.0.0.1");
  }

  @Test
  @DisplayName("an empty --config file changes nothing")
  void emptyFile() throws IOException {
    assertThat(ConfigLoader.load(file(""), Map.of())).isEqualTo(ConfigLoader.load(null, Map.of()));
  }

  @Test
  @DisplayName("a misspelt key in a --config file stops start-up, naming the key")
  void unknownKeyInFile() throws IOException {
    Path file = file("http:\n  prot: 8181\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.prot").hasMessageContaining(file.toString());
  }

  @Test
  @DisplayName("a missing or unreadable --config file stops start-up, naming the file")
  void missingFile() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  @DisplayName("overrides in code are checked against the documented keys too")
  void overridesInCode() {
    assertThat(ConfigLoader.withOverrides(Map.of("http.port", "0", "public_base_url", "https://go.acme.example")).http().port()).isZero();
    assertThatThrownBy(() -> ConfigLoader.withOverrides(Map.of("http.prot", "0"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.prot");
  }
}
