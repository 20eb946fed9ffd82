package io.refgate.clicks;

import io.refgate.store.SqlStates;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * Writes a batch as one multi-row statement over a pipelined connection. Idempotent: a batch sent
 * again is skipped whole. Should a later row's click id already be stored (ids are random, so
 * only by a collision), the batch is written row by row, so that one click never stalls the writer.
 */
public final class PgClickSink implements ClickSink {
  private static final int MAX_USER_AGENT = 512;

  private final SqlClient client;

  public PgClickSink(SqlClient client) {
    this.client = client;
  }

  @Override
  public Future<Void> write(List<Click> batch) {
    int n = batch.size();
    UUID[] ids = new UUID[n];
    Long[] millis = new Long[n];
    UUID[] tenants = new UUID[n];
    Long[] links = new Long[n];
    UUID[] campaigns = new UUID[n];
    String[] ips = new String[n];
    String[] agents = new String[n];
    String[] referers = new String[n];
    Boolean[] bots = new Boolean[n];
    for (int i = 0; i < n; i++) {
      Click click = batch.get(i);
      ids[i] = click.id();
      millis[i] = click.epochMillis();
      tenants[i] = click.tenantId();
      links[i] = click.linkId();
      campaigns[i] = click.campaignId();
      ips[i] = IpAnonymizer.anonymize(click.ip());
      agents[i] = truncate(click.userAgent());
      referers[i] = RefererHost.of(click.referer());
      bots[i] = click.bot();
    }
    List<Object> rows = List.of(ids, millis, tenants, links, campaigns, ips, agents, referers, bots);
    HourlyCounts counts = HourlyCounts.of(batch);
    Tuple rowsAndCounts = Tuple.from(rows).addValue(counts.links()).addValue(counts.hours()).addValue(counts.tenants())
        .addValue(counts.campaigns()).addValue(counts.human()).addValue(counts.bots());
    return client.preparedQuery(ClickSql.INSERT_BATCH).execute(rowsAndCounts)
        .recover(e -> SqlStates.isUniqueViolation(e, null) ? client.preparedQuery(ClickSql.INSERT_BATCH_SKIPPING_STORED).execute(Tuple.from(rows))
            : Future.failedFuture(e))
        .mapEmpty();
  }

  private static String truncate(String userAgent) {
    return userAgent == null || userAgent.length() <= MAX_USER_AGENT ? userAgent : userAgent.substring(0, MAX_USER_AGENT);
  }
}
