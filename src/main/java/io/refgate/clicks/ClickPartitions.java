package io.refgate.clicks;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** Upkeep of the monthly click partitions (see ensure_click_partitions in the V2 migration). */
public final class ClickPartitions {
  private ClickPartitions() {
  }

  public static Future<Void> ensure(SqlClient sql, int monthsAhead) {
    return sql.preparedQuery(ClickSql.ENSURE_PARTITIONS).execute(Tuple.of(monthsAhead)).mapEmpty();
  }
}
