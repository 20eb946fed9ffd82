package io.refgate.reports;

import io.refgate.campaigns.CampaignService;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** GET /v1/reports/funnel: human clicks only, optionally one campaign, over [from, to). */
public final class ReportService {
  private final Pool pool;
  private final CampaignService campaigns;

  public ReportService(Pool pool, CampaignService campaigns) {
    this.pool = pool;
    this.campaigns = campaigns;
  }

  public Future<Funnel> funnel(UUID tenantId, UUID campaignId, Instant from, Instant to) {
    Future<?> campaignExists = campaignId == null ? Future.succeededFuture() : campaigns.get(tenantId, campaignId);
    Instant firstWholeHour = from.truncatedTo(ChronoUnit.HOURS).equals(from) ? from
        : from.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    Instant endOfWholeHours = to.truncatedTo(ChronoUnit.HOURS);
    return campaignExists.compose(v -> pool.preparedQuery(FunnelSql.FUNNEL).execute(Tuple.of(tenantId, campaignId,
            from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), firstWholeHour.atOffset(ZoneOffset.UTC),
            endOfWholeHours.atOffset(ZoneOffset.UTC))))
        .map(rows -> funnel(rows.iterator().next()));
  }

  private static Funnel funnel(Row row) {
    return new Funnel(row.getLong("referrers"), row.getLong("active_referrers"), row.getLong("sharing_referrers"),
        row.getLong("clicks"), row.getLong("signups"), row.getLong("conversions"), row.getLong("revenue_minor"),
        row.getLong("reward_cost_minor"));
  }
}
