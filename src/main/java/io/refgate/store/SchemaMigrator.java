package io.refgate.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings the database to the current schema before the server starts: creates it when missing (a
 * fresh machine has only the stock databases), then applies the versioned migrations in
 * db/migration with Flyway. Runs once, blocking, from main.
 */
public final class SchemaMigrator {
  private static final String MAINTENANCE_DB = "postgres";
  private static final String DUPLICATE_DATABASE = "42P04";

  private SchemaMigrator() {
  }

  public static void migrate(PgTarget target) {
    createDatabaseIfMissing(target);
    try {
      Flyway.configure()
          .dataSource(target.jdbcUrl(target.database()), target.options().getUser(), target.options().getPassword())
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new DatabaseUnavailable(target, e);
    }
  }

  private static void createDatabaseIfMissing(PgTarget target) {
    try (Connection conn = DriverManager.getConnection(target.jdbcUrl(MAINTENANCE_DB), target.jdbcProperties())) {
      try (PreparedStatement exists = conn.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, target.database());
        try (ResultSet rs = exists.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      try (Statement create = conn.createStatement()) {
        create.execute("CREATE DATABASE " + quoteIdentifier(target.database()));
      }
    } catch (SQLException e) {
      if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
        throw new DatabaseUnavailable(target, e);
      }
    }
  }

  static String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
