package io.refgate.testing;

import io.refgate.config.ConfigLoader;
import io.refgate.config.RefgateConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL and Redis the tests use: those named by REFGATE_TEST_PG_URL / REFGATE_TEST_REDIS_URL,
 * else local servers on the default ports, else Testcontainers. Each test run gets its own database
 * and Redis key prefix, removed when the JVM exits.
 */
public final class TestEnvironment {
  public static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
  public static final String DATABASE = "refgate_test_" + RUN_ID;
  public static final String KEY_PREFIX = "refgate-test-" + RUN_ID + ":";
  public static final String ADMIN_TOKEN = "test-admin-token-" + RUN_ID;

  private static final URI PG_SERVER = pgServer();
  private static final URI REDIS = redisServer();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestEnvironment::cleanUp, "test-cleanup"));
  }

  private TestEnvironment() {
  }

  /** postgresql://user@host:port/&lt;this run's database&gt; */
  public static String pgUrl() {
    return PG_SERVER + "/" + DATABASE;
  }

  public static String redisUrl() {
    return REDIS.toString();
  }

  /** The test defaults: random ports on loopback, admin API on, this run's database and prefix. */
  public static Map<String, String> defaults() {
    Map<String, String> settings = new HashMap<>();
    settings.put("pg.url", pgUrl());
    settings.put("redis.url", redisUrl());
    settings.put("redis.key_prefix", KEY_PREFIX);
    settings.put("http.host", "127.0.0.1");
    settings.put("http.port", "0");
    settings.put("public_base_url", "http://localhost:8080");
    settings.put("http.instances", "2");
    settings.put("management.host", "127.0.0.1");
    settings.put("management.port", "0");
    settings.put("admin.token", ADMIN_TOKEN);
    return settings;
  }

  public static RefgateConfig config(Map<String, String> overrides) {
    Map<String, String> settings = defaults();
    settings.putAll(overrides);
    return ConfigLoader.withOverrides(settings);
  }

  /** A JDBC connection to this run's database, for assertions on what was stored. */
  public static Connection jdbc() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + PG_SERVER.getHost() + ":" + PG_SERVER.getPort() + "/" + DATABASE,
        user(), password());
  }

  private static URI pgServer() {
    String configured = System.getenv("REFGATE_TEST_PG_URL");
    if (configured != null && !configured.isBlank()) {
      URI uri = URI.create(configured);
      return URI.create(uri.getScheme() + "://" + (uri.getUserInfo() == null ? "postgres" : uri.getUserInfo()) + "@"
          + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()));
    }
    if (reachable("localhost", 5432)) {
      return URI.create("postgresql://postgres@localhost:5432");
    }
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
    container.start();
    return URI.create("postgresql://" + container.getUsername() + ":" + container.getPassword() + "@" + container.getHost() + ":"
        + container.getMappedPort(5432));
  }

  private static URI redisServer() {
    String configured = System.getenv("REFGATE_TEST_REDIS_URL");
    if (configured != null && !configured.isBlank()) {
      return URI.create(configured);
    }
    if (reachable("localhost", 6379)) {
      return URI.create("redis://localhost:6379");
    }
    GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
    container.start();
    return URI.create("redis://" + container.getHost() + ":" + container.getMappedPort(6379));
  }

  private static boolean reachable(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String user() {
    String info = PG_SERVER.getUserInfo();
    return info.contains(":") ? info.substring(0, info.indexOf(':')) : info;
  }

  private static String password() {
    String info = PG_SERVER.getUserInfo();
    return info.contains(":") ? info.substring(info.indexOf(':') + 1) : null;
  }

  private static void cleanUp() {
    TestGateway.stopShared();
    try (Connection conn = DriverManager.getConnection("jdbc:postgresql://" + PG_SERVER.getHost() + ":" + PG_SERVER.getPort()
        + "/postgres", user(), password()); Statement drop = conn.createStatement()) {
      drop.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("could not drop test database " + DATABASE + ": " + e.getMessage());
    }
    deleteRedisKeys();
  }

  /** Deletes this run's keys with a server-side script, over a plain socket (Vert.x may be closed by now). */
  private static void deleteRedisKeys() {
    String script = "local n = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) n = n + 1 end return n";
    String pattern = KEY_PREFIX + "*";
    String command = "*4\r\n$4\r\nEVAL\r\n$" + script.length() + "\r\n" + script + "\r\n$1\r\n0\r\n$" + pattern.length() + "\r\n"
        + pattern + "\r\n";
    try (Socket socket = new Socket(REDIS.getHost(), REDIS.getPort() < 0 ? 6379 : REDIS.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(command.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      in.read(new byte[64]);
    } catch (IOException e) {
      System.err.println("could not delete test keys " + pattern.toLowerCase(Locale.ROOT) + ": " + e.getMessage());
    }
  }
}
