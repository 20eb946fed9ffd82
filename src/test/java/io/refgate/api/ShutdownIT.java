package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.config.ConfigLoader;
import io.refgate.testing.Api;
import io.refgate.testing.Browsers;
import io.refgate.testing.Db;
import io.refgate.testing.TestEnvironment;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A real gateway process stops on SIGTERM without losing a click")
class ShutdownIT {

  @Test
  @DisplayName("clicks still buffered when SIGTERM arrives are all in PostgreSQL when the process has exited")
  void drainsOnSigterm() throws Exception {
    int httpPort = freePort();
    int managementPort = freePort();
    Map<String, String> settings = new HashMap<>(TestEnvironment.defaults());
    settings.put("http.port", String.valueOf(httpPort));
    settings.put("management.port", String.valueOf(managementPort));
    settings.put("clicks.flush_interval_ms", "60000");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.refgate.Main").redirectErrorStream(true);
    settings.forEach((key, value) -> builder.environment().put(ConfigLoader.envName(key), value));
    Process gateway = builder.start();
    try {
      awaitLine(gateway, "Refgate listening");
      Api api = new Api(httpPort, managementPort);
      Api.Tenant tenant = api.tenant();
      api.campaign(tenant, new JsonObject());
      String code = api.referrer(tenant, "u_1");
      for (int i = 0; i < 200; i++) {
        assertThat(api.click(code, Browsers.CHROME).status()).isEqualTo(302);
      }

      gateway.destroy();

      assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(gateway.exitValue()).isEqualTo(143);
      assertThat(Db.count("SELECT count(*) FROM clicks c JOIN links l ON l.id = c.link_id WHERE l.code = ?", code)).isEqualTo(200);
    } finally {
      gateway.destroyForcibly();
    }
  }

  /** Reads the process's output on a thread of its own until the marker shows (or 60 s pass). */
  private static void awaitLine(Process process, String marker) throws Exception {
    CompletableFuture<Void> seen = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        output.lines().filter(line -> line.contains(marker)).findFirst().ifPresent(line -> seen.complete(null));
        output.lines().forEach(line -> { });
      } catch (IOException | UncheckedIOException closed) {
        seen.completeExceptionally(closed);
      }
    });
    reader.setDaemon(true);
    reader.start();
    seen.get(60, TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
