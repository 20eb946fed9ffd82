package io.refgate.clicks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A batch's clicks counted per link and UTC hour, as the column arrays of the counter upsert.
 * Counting here rather than in SQL spares PostgreSQL a pass over the inserted rows per batch.
 */
record HourlyCounts(Long[] links, Long[] hours, UUID[] tenants, UUID[] campaigns, Long[] human, Long[] bots) {
  private static final long HOUR_MS = 3_600_000L;

  static HourlyCounts of(List<Click> batch) {
    Map<Key, long[]> counts = new HashMap<>();
    for (Click click : batch) {
      long hour = Math.floorDiv(click.epochMillis(), HOUR_MS) * HOUR_MS;
      long[] count = counts.computeIfAbsent(new Key(click.linkId(), hour, click.tenantId(), click.campaignId()), k -> new long[2]);
      count[click.bot() ? 1 : 0]++;
    }
    int n = counts.size();
    HourlyCounts columns = new HourlyCounts(new Long[n], new Long[n], new UUID[n], new UUID[n], new Long[n], new Long[n]);
    int i = 0;
    for (Map.Entry<Key, long[]> entry : counts.entrySet()) {
      Key key = entry.getKey();
      columns.links[i] = key.link();
      columns.hours[i] = key.hour();
      columns.tenants[i] = key.tenant();
      columns.campaigns[i] = key.campaign();
      columns.human[i] = entry.getValue()[0];
      columns.bots[i] = entry.getValue()[1];
      i++;
    }
    return columns;
  }

  private record Key(long link, long hour, UUID tenant, UUID campaign) {
  }
}
