package io.refgate.store;

import io.vertx.pgclient.PgConnectOptions;
import java.net.URI;
import io.vertx.core.net.NetClientOptions;
import java.util.Properties;

/** Where PostgreSQL is, from the pg.url setting, in the forms both drivers want. */
public record PgTarget(PgConnectOptions options, int connectTimeoutMs) {
  /**
   * The client prepares only statements up to this length once per connection; the default of
   * 2,048 would leave the signup's and the funnel's statements to be parsed and planned per call.
   */
  private static final int CACHED_SQL_LIMIT = 8_192;

  public static PgTarget of(URI url, int connectTimeoutMs) {
    PgConnectOptions options = PgConnectOptions.fromUri(url.toString())
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheSqlLimit(CACHED_SQL_LIMIT);
    if (options.getDatabase() == null || options.getDatabase().isEmpty()) {
      options.setDatabase("refgate");
    }
    return new PgTarget(options, connectTimeoutMs);
  }

  /** Socket options for the Vert.x clients: fail a connection attempt after pg.connect_timeout_ms. */
  public NetClientOptions netOptions() {
    return new NetClientOptions().setConnectTimeout(connectTimeoutMs);
  }

  public String database() {
    return options.getDatabase();
  }

  /** host:port as people write it in error messages. */
  public String address() {
    return options.getHost() + ":" + options.getPort();
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + database;
  }

  Properties jdbcProperties() {
    Properties props = new Properties();
    props.setProperty("user", options.getUser());
    if (options.getPassword() != null) {
      props.setProperty("password", options.getPassword());
    }
    props.setProperty("connectTimeout", String.valueOf(Math.max(1, connectTimeoutMs / 1000)));
    props.setProperty("ApplicationName", "refgate");
    return props;
  }

  public PgTarget withDatabase(String database) {
    return new PgTarget(new PgConnectOptions(options).setDatabase(database), connectTimeoutMs);
  }
}
