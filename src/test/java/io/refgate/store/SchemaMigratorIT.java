package io.refgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refgate.testing.Db;
import io.refgate.testing.TestEnvironment;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Start-up schema management")
class SchemaMigratorIT {

  @Test
  @DisplayName("a missing database is created and migrated, and migrating again changes nothing")
  void createsAndMigrates() throws Exception {
    URI base = URI.create(TestEnvironment.pgUrl());
    String name = "refgate_migrate_" + UUID.randomUUID().toString().substring(0, 8);
    PgTarget target = PgTarget.of(URI.create(base.getScheme() + "://" + base.getRawAuthority() + "/" + name), 3000);
    try {
      SchemaMigrator.migrate(target);
      SchemaMigrator.migrate(target);

      assertThat(Db.count("SELECT count(*) FROM pg_database WHERE datname = ?", name)).isEqualTo(1);
    } finally {
      try (Connection db = TestEnvironment.jdbc(); Statement st = db.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  @Test
  @DisplayName("an unreachable PostgreSQL is one clear message naming the address and the setting to change")
  void unreachable() {
    PgTarget target = PgTarget.of(URI.create("postgresql://postgres@127.0.0.1:1/refgate"), 1000);

    assertThatThrownBy(() -> SchemaMigrator.migrate(target))
        .isInstanceOf(DatabaseUnavailable.class)
        .hasMessageContaining("127.0.0.1:1")
        .hasMessageContaining("pg.url")
        .hasMessageContaining("REFGATE_PG_URL")
        .hasMessageNotContaining("\n");
  }
}
