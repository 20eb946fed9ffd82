package io.refgate.campaigns;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Campaigns in PostgreSQL, always scoped by tenant. */
public final class CampaignRepository {

  public Future<Campaign> insert(SqlClient sql, Campaign c) {
    return sql.preparedQuery(CampaignSql.INSERT).execute(fields(c)).map(CampaignRepository::single);
  }

  public Future<Campaign> update(SqlClient sql, Campaign c) {
    return sql.preparedQuery(CampaignSql.UPDATE).execute(fields(c)).map(CampaignRepository::single);
  }

  public Future<Campaign> find(SqlClient sql, UUID tenantId, UUID id) {
    return sql.preparedQuery(CampaignSql.BY_ID).execute(Tuple.of(id, tenantId)).map(CampaignRepository::single);
  }

  public Future<Campaign> lock(SqlClient sql, UUID tenantId, UUID id) {
    return sql.preparedQuery(CampaignSql.BY_ID_FOR_UPDATE).execute(Tuple.of(id, tenantId)).map(CampaignRepository::single);
  }

  public Future<List<Campaign>> ofTenant(SqlClient sql, UUID tenantId) {
    return sql.preparedQuery(CampaignSql.OF_TENANT).execute(Tuple.of(tenantId)).map(CampaignRepository::all);
  }

  public Future<List<Campaign>> activeOfTenant(SqlClient sql, UUID tenantId) {
    return sql.preparedQuery(CampaignSql.ACTIVE_OF_TENANT).execute(Tuple.of(tenantId)).map(CampaignRepository::all);
  }

  private static Tuple fields(Campaign c) {
    JsonObject segment = new JsonObject();
    c.segment().forEach((attribute, values) -> segment.put(attribute, new JsonArray(values)));
    return Tuple.of(c.id(), c.tenantId(), c.name(), c.destinationUrl(), c.referrerReward().toJson(),
        c.refereeReward() == null ? null : c.refereeReward().toJson(), c.holdDays(), segment, c.priority(),
        c.experiment() == null ? null : c.experiment().key(), c.experiment() == null ? null : c.experiment().weight(),
        c.active());
  }

  private static Campaign single(RowSet<Row> rows) {
    return rows.size() == 0 ? null : fromRow(rows.iterator().next());
  }

  private static List<Campaign> all(RowSet<Row> rows) {
    List<Campaign> campaigns = new ArrayList<>(rows.size());
    rows.forEach(row -> campaigns.add(fromRow(row)));
    return campaigns;
  }

  static Campaign fromRow(Row row) {
    Map<String, List<String>> segment = new LinkedHashMap<>();
    JsonObject segmentJson = (JsonObject) row.getValue("segment");
    segmentJson.forEach(entry -> segment.put(entry.getKey(), ((JsonArray) entry.getValue()).stream().map(String::valueOf).toList()));
    String experimentKey = row.getString("experiment_key");
    OffsetDateTime created = row.getOffsetDateTime("created_at");
    return new Campaign(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("name"), row.getString("destination_url"),
        RewardRule.fromJson((JsonObject) row.getValue("referrer_reward")),
        RewardRule.fromJson((JsonObject) row.getValue("referee_reward")),
        row.getInteger("hold_days"), segment, row.getInteger("priority"),
        experimentKey == null ? null : new Campaign.Experiment(experimentKey, row.getInteger("experiment_weight")),
        row.getBoolean("active"), created == null ? null : created.toInstant());
  }
}
