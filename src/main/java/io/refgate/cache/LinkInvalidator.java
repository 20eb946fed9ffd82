package io.refgate.cache;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Drops cached answers after an edit of a link, of a campaign's destination, or of tenant settings. */
public final class LinkInvalidator {
  private static final String CODES_OF_TENANT = "SELECT code FROM links WHERE tenant_id = $1";
  private static final String CODES_FOLLOWING_CAMPAIGN = "SELECT code FROM links WHERE campaign_id = $1 AND destination_url IS NULL";

  private final Pool pool;
  private final CodeCache<?> cache;

  public LinkInvalidator(Pool pool, CodeCache<?> cache) {
    this.pool = pool;
    this.cache = cache;
  }

  public Future<Void> code(String code) {
    return cache.invalidate(List.of(code));
  }

  public Future<Void> tenant(UUID tenantId) {
    return pool.preparedQuery(CODES_OF_TENANT).execute(Tuple.of(tenantId)).compose(rows -> cache.invalidate(codes(rows)));
  }

  /** Links that use their campaign's destination (they have none of their own). */
  public Future<Void> campaignDestination(UUID campaignId) {
    return pool.preparedQuery(CODES_FOLLOWING_CAMPAIGN).execute(Tuple.of(campaignId)).compose(rows -> cache.invalidate(codes(rows)));
  }

  private static List<String> codes(RowSet<Row> rows) {
    List<String> codes = new ArrayList<>(rows.size());
    rows.forEach(row -> codes.add(row.getString(0)));
    return codes;
  }
}
